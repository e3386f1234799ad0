package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Result of incomeDcf, reliefFromRoyalty or rnpv. {@code effectiveRate} is the rate actually used (the discount rate
 * plus the TRL premium under DISCOUNT_PREMIUM); {@code successProbability} is the TRL band's probability, present only
 * under SUCCESS_PROBABILITY; {@code royaltyRate} is present only for reliefFromRoyalty (given or derived, unrounded).
 * The rows are the per-year breakdown at the effective rate.
 */
public record DiscountedCashFlowResult(
        ValuationMethod method,
        BigDecimal value,
        BigDecimal low,
        BigDecimal high,
        BigDecimal effectiveRate,
        @Nullable BigDecimal successProbability,
        @Nullable BigDecimal royaltyRate,
        List<BreakdownRow> breakdown,
        List<ValuationWarning> warnings) implements MethodResult {

    public DiscountedCashFlowResult {
        breakdown = List.copyOf(breakdown);
        warnings = List.copyOf(warnings);
    }
}
