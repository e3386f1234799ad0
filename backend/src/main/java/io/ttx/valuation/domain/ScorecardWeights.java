package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The weight of each criterion in the overall score: all six present, none negative, summing to more than 0 (they need
 * not sum to 1: the overall score divides by their sum). Configuration, so a bad set is an
 * {@link IllegalArgumentException}, not a 422. {@link #defaults()}: scientific 0.15, technical 0.25, economic 0.25,
 * social 0.10, cultural 0.05, transfer potential 0.20.
 */
public record ScorecardWeights(Map<Criterion, BigDecimal> weights) {

    public ScorecardWeights {
        EnumMap<Criterion, BigDecimal> checked = new EnumMap<>(Criterion.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion criterion : Criterion.values()) {
            BigDecimal weight = weights.get(criterion);
            if (weight == null || weight.signum() < 0) {
                throw new IllegalArgumentException("scorecard weight of " + criterion.key() + " must be given and >= 0");
            }
            checked.put(criterion, weight);
            sum = sum.add(weight);
        }
        if (sum.signum() <= 0) {
            throw new IllegalArgumentException("scorecard weights must not all be 0");
        }
        weights = Collections.unmodifiableMap(checked);
    }

    public static ScorecardWeights defaults() {
        return new ScorecardWeights(Map.of(
                Criterion.SCIENTIFIC, new BigDecimal("0.15"),
                Criterion.TECHNICAL, new BigDecimal("0.25"),
                Criterion.ECONOMIC, new BigDecimal("0.25"),
                Criterion.SOCIAL, new BigDecimal("0.10"),
                Criterion.CULTURAL, new BigDecimal("0.05"),
                Criterion.TRANSFER_POTENTIAL, new BigDecimal("0.20")));
    }

    public BigDecimal of(Criterion criterion) {
        return weights.get(criterion);
    }
}
