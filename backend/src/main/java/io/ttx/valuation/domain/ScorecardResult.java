package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A scored evaluation: the six scores, the weights used (both in {@link Criterion} order) and the overall score
 * (2 decimal places, half-up).
 */
public record ScorecardResult(Map<Criterion, Integer> scores, Map<Criterion, BigDecimal> weights, BigDecimal overall) {

    public ScorecardResult {
        EnumMap<Criterion, Integer> orderedScores = new EnumMap<>(Criterion.class);
        orderedScores.putAll(scores);
        EnumMap<Criterion, BigDecimal> orderedWeights = new EnumMap<>(Criterion.class);
        orderedWeights.putAll(weights);
        scores = Collections.unmodifiableMap(orderedScores);
        weights = Collections.unmodifiableMap(orderedWeights);
    }
}
