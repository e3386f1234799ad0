package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The TRL risk applied to one discounted method: a premium added to the discount rate (zero unless
 * DISCOUNT_PREMIUM) and, only under SUCCESS_PROBABILITY, a probability multiplying every cash flow. Both are exact
 * BigDecimal operations.
 */
public record TrlRisk(BigDecimal ratePremium, @Nullable BigDecimal successProbability) {

    /** No adjustment: the rate as given, the cash flows as given. */
    public static final TrlRisk NONE = new TrlRisk(BigDecimal.ZERO, null);

    BigDecimal effectiveRate(BigDecimal discountRate) {
        return discountRate.add(ratePremium);
    }

    List<BigDecimal> adjust(List<BigDecimal> amounts) {
        BigDecimal p = successProbability;
        return p == null ? amounts : amounts.stream().map(p::multiply).toList();
    }
}
