package io.ttx.valuation.domain;

import java.math.BigDecimal;

/**
 * One bar of the Monte Carlo payoff histogram: the payoffs in {@code [from, to)} (the last bucket is closed and ends
 * at the largest payoff), edges to the fen, display only.
 */
public record HistogramBucket(BigDecimal from, BigDecimal to, long count) {
}
