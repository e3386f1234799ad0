package io.ttx.valuation;

import io.ttx.valuation.domain.TrlAdjustment;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A stored valuation as readers see it: who valued which achievement when, under which rule set, with the inputs as
 * given ({@code methods}, optional {@code weights}), the achievement facts used ({@code trl}, {@code openLicence}) and
 * every figure. Immutable: there is no update or delete.
 */
public record ValuationView(String id, String achievementId, int trl, boolean openLicence, TrlAdjustment trlAdjustment,
                            String ruleSetVersion, Instant createdAt, String createdBy, ValuationInput.Methods methods,
                            ValuationInput.@Nullable Weights weights, ValuationResults results,
                            ValuationResults.Recommended recommended) { }
