package io.ttx.valuation.domain;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Inputs of the real option: underlying value S and investment X (both > 0 and below 10^13), years T in (0, 50],
 * volatility in (0, 5], risk-free rate in [0, 5] and, optionally, a Monte Carlo run of 1,000 to 1,000,000 paths.
 */
public record RealOptionInput(
        BigDecimal underlyingValue,
        BigDecimal investment,
        BigDecimal years,
        BigDecimal volatility,
        BigDecimal riskFreeRate,
        @Nullable MonteCarloSpec monteCarlo) {

    static final int MIN_PATHS = 1_000;
    static final int MAX_PATHS = 1_000_000;
    private static final ValuationMethod M = ValuationMethod.REAL_OPTION;

    public RealOptionInput {
        underlyingValue = Checks.positiveAmount(underlyingValue, M.field("underlyingValue"));
        investment = Checks.positiveAmount(investment, M.field("investment"));
        years = Checks.positiveUpTo(years, BigDecimal.valueOf(50), M.field("years"));
        volatility = Checks.positiveUpTo(volatility, Checks.FIVE, M.field("volatility"));
        riskFreeRate = Checks.between(riskFreeRate, BigDecimal.ZERO, Checks.FIVE, M.field("riskFreeRate"));
        if (monteCarlo != null && (monteCarlo.paths() < MIN_PATHS || monteCarlo.paths() > MAX_PATHS)) {
            throw InvalidValuationInput.invalid(M.field("monteCarlo.paths"),
                    "must be between " + MIN_PATHS + " and " + MAX_PATHS);
        }
    }
}
