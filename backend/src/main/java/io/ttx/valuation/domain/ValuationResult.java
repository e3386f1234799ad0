package io.ttx.valuation.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete valuation: the TRL and adjustment mode echoed, one result per requested method (in
 * {@link ValuationMethod} order), the recommended range and the version of the rule set, so a stored report can be
 * recomputed and compared.
 */
public record ValuationResult(String rulesVersion, int trl, TrlAdjustment trlAdjustment,
        Map<ValuationMethod, MethodResult> methods, RecommendedRange recommended) {

    public ValuationResult {
        methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }
}
