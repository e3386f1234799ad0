package io.ttx.valuation;

import java.time.Instant;
import java.util.Map;

/**
 * A stored scorecard evaluation: scores and weights keyed by criterion ({@code scientific}, ..., {@code transferPotential}),
 * the overall score as a decimal string with 2 places, the rationale given per criterion, who and when.
 */
public record EvaluationView(String id, String achievementId, Map<String, Integer> scores, Map<String, String> weights,
                             String overall, Map<String, String> rationale, String ruleSetVersion, Instant createdAt,
                             String createdBy) { }
