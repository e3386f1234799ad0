package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configurable parts of the rule set: TRL bands, open-licence caps, default method weights (a method missing here
 * weighs 1; a request's own weights win) and whether Monte Carlo payoffs run in parallel (same figures either way).
 */
public record ValuationSettings(TrlBands trlBands, OpenLicenceCaps openLicenceCaps,
        Map<ValuationMethod, BigDecimal> defaultWeights, boolean parallelMonteCarlo) {

    public ValuationSettings {
        Objects.requireNonNull(trlBands, "trlBands");
        Objects.requireNonNull(openLicenceCaps, "openLicenceCaps");
        EnumMap<ValuationMethod, BigDecimal> weights = new EnumMap<>(ValuationMethod.class);
        weights.putAll(defaultWeights);
        weights.forEach((method, weight) -> {
            if (weight.signum() <= 0) {
                throw new IllegalArgumentException("default weight of " + method.key() + " must be > 0");
            }
        });
        defaultWeights = Collections.unmodifiableMap(weights);
    }

    public static ValuationSettings defaults() {
        return new ValuationSettings(TrlBands.defaults(), OpenLicenceCaps.defaults(), Map.of(), false);
    }

    BigDecimal defaultWeight(ValuationMethod method) {
        return defaultWeights.getOrDefault(method, BigDecimal.ONE);
    }
}
