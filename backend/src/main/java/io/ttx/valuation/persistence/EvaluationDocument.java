package io.ttx.valuation.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;

/**
 * A scorecard evaluation as stored, written once: the six scores and the weights used (keyed by criterion),
 * the overall score, the evaluator's rationale per criterion, who and when.
 */
@Document(EvaluationStore.COLLECTION)
public record EvaluationDocument(@Id String id, String achievementId, String ownerOrg, Instant createdAt, String createdBy,
                                 String createdByOrg, String ruleSetVersion, Map<String, Integer> scores,
                                 Map<String, String> weights, String overall, Map<String, String> rationale) { }
