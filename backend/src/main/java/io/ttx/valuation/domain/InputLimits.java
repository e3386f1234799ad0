package io.ttx.valuation.domain;

/**
 * The bounds of a valuation request's lists and names (docs/decisions.md, Input bounds): checked on the list's size
 * before any entry is parsed or multiplied, by the web mapping and again by the input records.
 */
public final class InputLimits {
    /** Yearly series (cash flows, revenues, probabilities): 1 to 50 years, the horizon of every method. */
    public static final int YEARS = 50;
    public static final int COMPARABLES = 100;
    /** Named adjustment factors of one comparable: a comparable price times at most 20 exact factors. */
    public static final int ADJUSTMENTS = 20;
    public static final int ADJUSTMENT_NAME = 100;
    /** Elapsed and remaining economic life of the cost method, in whole years. */
    public static final int LIFE_YEARS = 50;

    private InputLimits() { }
}
