package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The Monte Carlo estimate of the option: mean payoff and the nearest-rank percentiles p10, p50, p90 of the
 * discounted payoffs, to the fen, with the paths and seed that reproduce them. {@code histogram} counts the payoffs in
 * {@link RealOption#HISTOGRAM_BUCKETS} equal-width buckets from the smallest payoff to p99, the last bucket also
 * holding the top 1 % (so the bars stay readable on a long right tail); the counts add up to {@code paths}. Display
 * only: computed from the same sorted payoffs, it moves no figure.
 */
public record MonteCarloResult(int paths, long seed, BigDecimal mean, BigDecimal p10, BigDecimal p50,
        BigDecimal p90, List<HistogramBucket> histogram) {

    public MonteCarloResult {
        histogram = List.copyOf(histogram);
    }
}
