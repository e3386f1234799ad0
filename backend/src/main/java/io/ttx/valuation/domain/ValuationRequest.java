package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One valuation request: the achievement's TRL (1..9, echoed in the result), the TRL adjustment mode (null means
 * NONE), the open-licence flag, the inputs of the methods asked for (absent ones are null; at least one is required),
 * per-request method weights (> 0; methods not asked for are ignored) and the platform deals the caller found for the
 * market method. Each method input validated itself on construction; this record checks the rest.
 */
public record ValuationRequest(
        int trl,
        TrlAdjustment trlAdjustment,
        boolean openLicence,
        @Nullable IncomeDcfInput incomeDcf,
        @Nullable ReliefFromRoyaltyInput reliefFromRoyalty,
        @Nullable RnpvInput rnpv,
        @Nullable CostInput cost,
        @Nullable MarketInput market,
        @Nullable RealOptionInput realOption,
        Map<ValuationMethod, BigDecimal> weights,
        List<PlatformDeal> platformDeals) {

    public ValuationRequest {
        if (trl < 1 || trl > 9) {
            throw InvalidValuationInput.invalid("trl", "must be between 1 and 9");
        }
        if (trlAdjustment == null) {
            trlAdjustment = TrlAdjustment.NONE;
        }
        if (incomeDcf == null && reliefFromRoyalty == null && rnpv == null && cost == null && market == null
                && realOption == null) {
            throw new InvalidValuationInput(InvalidValuationInput.NO_METHOD, "methods",
                    "at least one valuation method is required");
        }
        EnumMap<ValuationMethod, BigDecimal> checkedWeights = new EnumMap<>(ValuationMethod.class);
        if (weights != null) {
            weights.forEach((method, weight) -> checkedWeights.put(method,
                    Checks.positive(weight, "weights." + method.key())));
        }
        weights = Collections.unmodifiableMap(checkedWeights);
        List<PlatformDeal> deals = platformDeals == null ? List.of() : platformDeals;
        for (int i = 0; i < deals.size(); i++) {
            Checks.nonNegativeAmount(deals.get(i).price(), "platformDeals[" + i + "].price");
        }
        platformDeals = List.copyOf(deals);
    }

    public static Builder builder(int trl) {
        return new Builder(trl);
    }

    /** Assembles a request method by method; {@link #build()} validates. */
    public static final class Builder {
        private final int trl;
        private TrlAdjustment trlAdjustment = TrlAdjustment.NONE;
        private boolean openLicence;
        private @Nullable IncomeDcfInput incomeDcf;
        private @Nullable ReliefFromRoyaltyInput reliefFromRoyalty;
        private @Nullable RnpvInput rnpv;
        private @Nullable CostInput cost;
        private @Nullable MarketInput market;
        private @Nullable RealOptionInput realOption;
        private final Map<ValuationMethod, BigDecimal> weights = new EnumMap<>(ValuationMethod.class);
        private final List<PlatformDeal> platformDeals = new ArrayList<>();

        private Builder(int trl) {
            this.trl = trl;
        }

        public Builder trlAdjustment(TrlAdjustment mode) {
            this.trlAdjustment = mode;
            return this;
        }

        public Builder openLicence(boolean openLicence) {
            this.openLicence = openLicence;
            return this;
        }

        public Builder incomeDcf(IncomeDcfInput input) {
            this.incomeDcf = input;
            return this;
        }

        public Builder reliefFromRoyalty(ReliefFromRoyaltyInput input) {
            this.reliefFromRoyalty = input;
            return this;
        }

        public Builder rnpv(RnpvInput input) {
            this.rnpv = input;
            return this;
        }

        public Builder cost(CostInput input) {
            this.cost = input;
            return this;
        }

        public Builder market(MarketInput input) {
            this.market = input;
            return this;
        }

        public Builder realOption(RealOptionInput input) {
            this.realOption = input;
            return this;
        }

        public Builder weight(ValuationMethod method, BigDecimal weight) {
            this.weights.put(method, weight);
            return this;
        }

        public Builder platformDeals(List<PlatformDeal> deals) {
            this.platformDeals.addAll(deals);
            return this;
        }

        public ValuationRequest build() {
            return new ValuationRequest(trl, trlAdjustment, openLicence, incomeDcf, reliefFromRoyalty, rnpv, cost,
                    market, realOption, weights, platformDeals);
        }
    }
}
