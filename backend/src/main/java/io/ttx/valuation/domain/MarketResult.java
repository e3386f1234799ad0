package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Result of the market method. {@code adjustedComparables} are the evaluator's comparables after adjustment, in input
 * order, to the fen (display only); {@code platformDeals} are the platform deals that joined with weight 1.
 */
public record MarketResult(
        BigDecimal value,
        BigDecimal low,
        BigDecimal high,
        List<BigDecimal> adjustedComparables,
        List<PlatformDeal> platformDeals,
        List<ValuationWarning> warnings) implements MethodResult {

    public MarketResult {
        adjustedComparables = List.copyOf(adjustedComparables);
        platformDeals = List.copyOf(platformDeals);
        warnings = List.copyOf(warnings);
    }

    @Override
    public ValuationMethod method() {
        return ValuationMethod.MARKET;
    }
}
