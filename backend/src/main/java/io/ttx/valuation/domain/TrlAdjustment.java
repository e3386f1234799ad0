package io.ttx.valuation.domain;

/**
 * How the achievement's TRL turns into risk for incomeDcf and reliefFromRoyalty (never both ways at once, which would
 * count the same risk twice): not at all, as a premium on the discount rate, or as a success probability multiplying
 * every cash flow. rnpv, cost, market and realOption are never adjusted: rnpv carries its own probabilities and the
 * others do not discount.
 */
public enum TrlAdjustment {
    NONE,
    DISCOUNT_PREMIUM,
    SUCCESS_PROBABILITY
}
