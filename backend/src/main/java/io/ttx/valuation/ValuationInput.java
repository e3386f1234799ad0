package io.ttx.valuation;

import io.ttx.valuation.domain.RoyaltyRule;
import io.ttx.valuation.domain.TrlAdjustment;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

import java.util.List;

/**
 * What a client asks to value, exactly as sent: amounts, rates and probabilities are decimal strings (a JSON number is
 * a 400), years, paths and seeds are integers. The record is stored as given, so a stored valuation shows its inputs
 * character for character. Missing values are left null here: the domain rules report them as 422 with the field.
 */
public record ValuationInput(@Nullable TrlAdjustment trlAdjustment, @Nullable Methods methods, @Nullable Weights weights) {

    /** The inputs of the methods asked for; absent methods are null. */
    public record Methods(@Nullable IncomeDcf incomeDcf, @Nullable ReliefFromRoyalty reliefFromRoyalty, @Nullable Rnpv rnpv,
                          @Nullable Cost cost, @Nullable Market market, @Nullable RealOption realOption) { }

    /** Per-request method weights (decimal strings > 0), overriding the configured ones. */
    public record Weights(@JsonDeserialize(using = DecimalText.class) @Nullable String incomeDcf,
                          @JsonDeserialize(using = DecimalText.class) @Nullable String reliefFromRoyalty,
                          @JsonDeserialize(using = DecimalText.class) @Nullable String rnpv,
                          @JsonDeserialize(using = DecimalText.class) @Nullable String cost,
                          @JsonDeserialize(using = DecimalText.class) @Nullable String market,
                          @JsonDeserialize(using = DecimalText.class) @Nullable String realOption) { }

    public record IncomeDcf(@JsonDeserialize(using = DecimalText.class) @Nullable String discountRate,
                            @JsonDeserialize(contentUsing = DecimalText.class) @Nullable List<@Nullable String> cashFlows) { }

    public record ReliefFromRoyalty(@JsonDeserialize(using = DecimalText.class) @Nullable String discountRate,
                                    @JsonDeserialize(using = DecimalText.class) @Nullable String taxRate,
                                    @JsonDeserialize(contentUsing = DecimalText.class) @Nullable List<@Nullable String> revenues,
                                    @JsonDeserialize(using = DecimalText.class) @Nullable String royaltyRate,
                                    @JsonDeserialize(using = DecimalText.class) @Nullable String operatingMargin,
                                    @Nullable RoyaltyRule rule,
                                    @JsonDeserialize(using = DecimalText.class) @Nullable String splitRate) { }

    public record Rnpv(@JsonDeserialize(using = DecimalText.class) @Nullable String discountRate,
                       @JsonDeserialize(contentUsing = DecimalText.class) @Nullable List<@Nullable String> cashFlows,
                       @JsonDeserialize(contentUsing = DecimalText.class) @Nullable List<@Nullable String> probabilities) { }

    public record Cost(@Nullable CostItems costItems,
                       @JsonDeserialize(using = DecimalText.class) @Nullable String profitMarkup,
                       @Nullable Integer elapsedYears,
                       @Nullable Integer remainingYears,
                       @JsonDeserialize(using = DecimalText.class) @Nullable String functionalObsolescence,
                       @JsonDeserialize(using = DecimalText.class) @Nullable String economicObsolescence) { }

    public record CostItems(@JsonDeserialize(using = DecimalText.class) @Nullable String rdLabour,
                            @JsonDeserialize(using = DecimalText.class) @Nullable String materials,
                            @JsonDeserialize(using = DecimalText.class) @Nullable String ipFees,
                            @JsonDeserialize(using = DecimalText.class) @Nullable String opportunityCost) { }

    public record Market(@Nullable List<@Nullable MarketComparable> comparables, @Nullable Boolean includePlatformDeals) { }

    /**
     * A comparable deal. In JSON {@code adjustments} is an object {@code {name: factor}}; it is held as a list of
     * pairs in input order, because adjustment names are free text (a name with a dot could not be a MongoDB key).
     */
    public record MarketComparable(@JsonDeserialize(using = DecimalText.class) @Nullable String price,
                             @JsonDeserialize(using = DecimalText.class) @Nullable String weight,
                             @JsonDeserialize(using = Adjustments.Reader.class) @JsonSerialize(using = Adjustments.Writer.class)
                             @Nullable List<Adjustment> adjustments) { }

    /** One named adjustment factor of a comparable. */
    public record Adjustment(String name, @Nullable String factor) { }

    public record RealOption(@JsonDeserialize(using = DecimalText.class) @Nullable String underlyingValue,
                             @JsonDeserialize(using = DecimalText.class) @Nullable String investment,
                             @JsonDeserialize(using = DecimalText.class) @Nullable String years,
                             @JsonDeserialize(using = DecimalText.class) @Nullable String volatility,
                             @JsonDeserialize(using = DecimalText.class) @Nullable String riskFreeRate,
                             @Nullable MonteCarlo monteCarlo) { }

    public record MonteCarlo(@Nullable Integer paths, @Nullable Long seed) { }
}
