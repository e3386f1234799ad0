package io.ttx.valuation.domain;

/**
 * How relief from royalty derives a royalty rate from the operating margin: the 25 % rule of thumb, or the Chinese
 * profit split (利润分成) with a split rate the evaluator chooses in [0.25, 0.33].
 */
public enum RoyaltyRule {
    TWENTY_FIVE_PERCENT,
    PROFIT_SPLIT
}
