package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Result of the cost method. {@code replacementCost} (RC, to the fen) and {@code remainingLifeFactor}
 * (remaining / (elapsed + remaining), to 10 places) are shown so the evaluator can follow the figure; they are
 * display-only, the value is computed without rounding them.
 */
public record CostResult(
        BigDecimal value,
        BigDecimal low,
        BigDecimal high,
        BigDecimal replacementCost,
        BigDecimal remainingLifeFactor,
        List<ValuationWarning> warnings) implements MethodResult {

    public CostResult {
        warnings = List.copyOf(warnings);
    }

    @Override
    public ValuationMethod method() {
        return ValuationMethod.COST;
    }
}
