package io.ttx.valuation.persistence;

import io.ttx.valuation.RuleSet;
import io.ttx.valuation.ValuationInput;
import io.ttx.valuation.ValuationResults;
import io.ttx.valuation.domain.TrlAdjustment;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A valuation as stored, written once and never updated: who (subject and organisation) valued which achievement
 * (owned by {@code ownerOrg}) when, the achievement facts used, the input exactly as given, the rule set it ran
 * under (enough to recompute it) and every figure as reported. Ids are time-ordered, so {@code _id} order is
 * creation order.
 */
@Document(ValuationStore.COLLECTION)
public record ValuationDocument(@Id String id, String achievementId, String ownerOrg, Instant createdAt, String createdBy,
                                String createdByOrg, int trl, boolean openLicence, TrlAdjustment trlAdjustment,
                                ValuationInput input, RuleSet ruleSet, ValuationResults results,
                                ValuationResults.Recommended recommended) { }
