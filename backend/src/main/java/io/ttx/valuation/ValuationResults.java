package io.ttx.valuation;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The figures of a valuation as reported and stored: decimal strings exactly as the domain produces them (money to the
 * fen, rates as given), one member per method asked for, in method order.
 */
public record ValuationResults(@Nullable Discounted incomeDcf, @Nullable Discounted reliefFromRoyalty, @Nullable Discounted rnpv,
                               @Nullable Cost cost, @Nullable Market market, @Nullable RealOption realOption) {

    /** incomeDcf, reliefFromRoyalty or rnpv. */
    public record Discounted(String value, String low, String high, String effectiveRate, @Nullable String successProbability,
                             @Nullable String royaltyRate, List<Row> breakdown, List<Warning> warnings) { }

    public record Row(int year, String amount, String discountFactor, String presentValue) { }

    public record Cost(String value, String low, String high, String replacementCost, String remainingLifeFactor,
                       List<Warning> warnings) { }

    public record Market(String value, String low, String high, List<String> adjustedComparables,
                         List<PlatformDeal> platformDeals, List<Warning> warnings) { }

    public record PlatformDeal(String dealId, String price) { }

    public record RealOption(String value, String low, String high, String blackScholes, @Nullable MonteCarlo monteCarlo,
                             List<Warning> warnings) { }

    public record MonteCarlo(int paths, long seed, String mean, String p10, String p50, String p90, List<Bucket> histogram) { }

    /** One bar of the payoff histogram: payoffs in [from, to), the last bar up to the largest payoff. */
    public record Bucket(String from, String to, long count) { }

    public record Warning(String code, String message) { }

    /** The recommended range, the weight of each method used and the range's own warnings. */
    public record Recommended(String low, String high, Map<String, String> weights, List<Warning> warnings) { }
}
