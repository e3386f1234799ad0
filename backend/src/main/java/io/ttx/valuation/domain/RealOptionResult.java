package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Result of the real option. The value is the Black-Scholes price (also reported as {@code blackScholes}); the range
 * is Black-Scholes at 0.75 and 1.25 times the volatility; the Monte Carlo, when asked for, is a cross-check that does
 * not move the value.
 */
public record RealOptionResult(
        BigDecimal value,
        BigDecimal low,
        BigDecimal high,
        BigDecimal blackScholes,
        @Nullable MonteCarloResult monteCarlo,
        List<ValuationWarning> warnings) implements MethodResult {

    public RealOptionResult {
        warnings = List.copyOf(warnings);
    }

    @Override
    public ValuationMethod method() {
        return ValuationMethod.REAL_OPTION;
    }
}
