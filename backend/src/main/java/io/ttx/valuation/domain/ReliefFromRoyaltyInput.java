package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Inputs of relief from royalty. The royalty rate is either given ({@code royaltyRate}) or derived from
 * {@code operatingMargin} with a {@link RoyaltyRule} (and {@code splitRate} for PROFIT_SPLIT); giving both is
 * ambiguous and rejected with {@code royalty-and-margin-both-given}. A split rate without PROFIT_SPLIT is rejected too
 * rather than silently ignored.
 */
public record ReliefFromRoyaltyInput(
        BigDecimal discountRate,
        BigDecimal taxRate,
        List<BigDecimal> revenues,
        @Nullable BigDecimal royaltyRate,
        @Nullable BigDecimal operatingMargin,
        @Nullable RoyaltyRule rule,
        @Nullable BigDecimal splitRate) {

    static final BigDecimal TWENTY_FIVE_PERCENT = new BigDecimal("0.25");
    static final BigDecimal MAX_SPLIT = new BigDecimal("0.33");
    private static final ValuationMethod M = ValuationMethod.RELIEF_FROM_ROYALTY;

    public ReliefFromRoyaltyInput {
        discountRate = Checks.between(discountRate, BigDecimal.ZERO, Checks.FIVE, M.field("discountRate"));
        taxRate = Checks.fraction(taxRate, M.field("taxRate"));
        revenues = Checks.yearly(revenues, M.field("revenues"));
        if (royaltyRate != null && operatingMargin != null) {
            throw new InvalidValuationInput(InvalidValuationInput.ROYALTY_AND_MARGIN, M.field("royaltyRate"),
                    "give either royaltyRate or operatingMargin with a rule, not both");
        }
        if (royaltyRate != null) {
            royaltyRate = Checks.fraction(royaltyRate, M.field("royaltyRate"));
            if (rule != null) {
                throw InvalidValuationInput.invalid(M.field("rule"), "applies only with operatingMargin");
            }
        } else if (operatingMargin == null) {
            throw InvalidValuationInput.invalid(M.field("royaltyRate"),
                    "give royaltyRate, or operatingMargin with a rule");
        } else {
            operatingMargin = Checks.fraction(operatingMargin, M.field("operatingMargin"));
            if (rule == null) {
                throw InvalidValuationInput.missing(M.field("rule"));
            }
        }
        if (rule == RoyaltyRule.PROFIT_SPLIT) {
            splitRate = Checks.between(splitRate, TWENTY_FIVE_PERCENT, MAX_SPLIT, M.field("splitRate"));
        } else if (splitRate != null) {
            throw InvalidValuationInput.invalid(M.field("splitRate"), "applies only with rule PROFIT_SPLIT");
        }
    }

    /** The share of the operating margin the royalty takes, or null when the royalty rate is given. */
    @Nullable
    BigDecimal marginShare() {
        if (rule == null) {
            return null;
        }
        return rule == RoyaltyRule.PROFIT_SPLIT ? splitRate : TWENTY_FIVE_PERCENT;
    }

    /** RR: the given royalty rate, or share x margin (exact). */
    BigDecimal effectiveRoyaltyRate() {
        BigDecimal share = marginShare();
        if (share == null || operatingMargin == null) {
            return Objects.requireNonNull(royaltyRate);
        }
        return share.multiply(operatingMargin);
    }
}
