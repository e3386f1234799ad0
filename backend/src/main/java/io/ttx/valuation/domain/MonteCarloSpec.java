package io.ttx.valuation.domain;

/**
 * How to run the real-option Monte Carlo: the number of paths (1,000 to 1,000,000, checked by
 * {@link RealOptionInput}) and the seed of {@link java.util.SplittableRandom}, reported back so the run can be
 * repeated.
 */
public record MonteCarloSpec(int paths, long seed) {
}
