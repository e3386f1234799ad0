package io.ttx.valuation.domain;

import java.math.BigDecimal;

/**
 * The Monte Carlo estimate of the option: mean payoff and the nearest-rank percentiles p10, p50, p90 of the
 * discounted payoffs, to the fen, with the paths and seed that reproduce them.
 */
public record MonteCarloResult(int paths, long seed, BigDecimal mean, BigDecimal p10, BigDecimal p50,
        BigDecimal p90) {
}
