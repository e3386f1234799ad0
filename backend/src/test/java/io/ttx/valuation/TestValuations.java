package io.ttx.valuation;

import io.ttx.valuation.domain.ValuationEngine;
import io.ttx.valuation.domain.ValuationResult;

import java.time.Instant;
import java.util.List;

/** Valuation views computed by the real mapping and engine, for tests outside this package (the report). */
public final class TestValuations {
    private TestValuations() { }

    public static ValuationView view(String requestJson, int trl, boolean openLicence) {
        ValuationInput input = ValuationInputMappingTests.read(requestJson);
        ValuationResult result = new ValuationEngine().evaluate(InputMapper.toRequest(input, trl, openLicence, List.of()));
        return new ValuationView("val_01jvzb3c4d5e6f7g8h9j", "ach_01jvz8k3m2q7r4t6w8y0", trl, openLicence, result.trlAdjustment(),
            "1", Instant.parse("2026-11-27T11:00:00Z"), "tto", input.methods(), input.weights(), ResultMapper.results(result),
            ResultMapper.recommended(result.recommended()));
    }

    /** The worked examples of docs/valuation.md, all six methods, Monte Carlo with the given paths and seed 7. */
    public static String allMethods(int paths) {
        return ValuationInputMappingTests.ALL_METHODS.replace("\"riskFreeRate\": \"0.05\"}",
            "\"riskFreeRate\": \"0.05\", \"monteCarlo\": {\"paths\": " + paths + ", \"seed\": 7}}");
    }
}
