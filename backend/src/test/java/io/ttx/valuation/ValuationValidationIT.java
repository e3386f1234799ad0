package io.ttx.valuation;

import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static io.ttx.valuation.ValuationSteps.*;

/** Wrong shapes are 400 validation-failed naming the field; broken rules are 422 with code and field. */
class ValuationValidationIT extends IntegrationTest {
    private String achievement;

    @BeforeEach
    void listing() {
        if (achievement == null) achievement = CatalogueTestSteps.draft(api, bearer("tto"));
    }

    @ParameterizedTest(name = "{0} -> 400 {2} at {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": 0.12, \"cashFlows\": [\"1\"]}}}|methods.incomeDcf.discountRate|type",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.12\", \"cashFlows\": [100000.00]}}}|methods.incomeDcf.cashFlows[0]|type",
        "{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"1\", \"adjustments\": {\"date\": 1.05}}]}}}|methods.market.comparables[0].adjustments.date|type",
        "{\"methods\": {\"cost\": {\"elapsedYears\": \"4\"}}}|methods.cost.elapsedYears|type",
        "{\"methods\": {\"realOption\": {\"monteCarlo\": {\"paths\": 1000.5, \"seed\": 1}}}}|methods.realOption.monteCarlo.paths|type",
        "{\"trlAdjustment\": \"BOTH\", \"methods\": {}}|trlAdjustment|type",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.12\", \"cashFlows\": [\"1\"], \"horizon\": 5}}}|methods.incomeDcf.horizon|unknown-field",
        "{\"methods\": {\"goodwill\": {}}}|methods.goodwill|unknown-field",
        "{\"methods\": {}, \"weights\": {\"cost\": 1}}|weights.cost|type",
        "[1, 2]|$|type",
        "{\"methods\": |$|malformed-json"})
    void wrongShapesAre400NamingTheField(String json, String field, String code) {
        call(api, HttpMethod.POST, bearer("tto"), "/api/v1/achievements/" + achievement + "/valuations", json)
            .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("validation-failed")
            .jsonPath("$.errors[0].field").isEqualTo(field).jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @ParameterizedTest(name = "{2} at {1}")
    @CsvSource(delimiter = '|', value = {
        "{}|methods|no-valuation-method",
        "{\"methods\": {}}|methods|no-valuation-method",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"12%\", \"cashFlows\": [\"1\"]}}}|methods.incomeDcf.discountRate|invalid-valuation-input",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.12\", \"cashFlows\": [\"1\", \"1e6\"]}}}|methods.incomeDcf.cashFlows[1]|invalid-valuation-input",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"5.01\", \"cashFlows\": [\"1\"]}}}|methods.incomeDcf.discountRate|invalid-valuation-input",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.12\", \"cashFlows\": [\"1\", \"10000000000000\"]}}}|methods.incomeDcf.cashFlows[1]|invalid-valuation-input",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.12\", \"cashFlows\": []}}}|methods.incomeDcf.cashFlows|invalid-valuation-input",
        "{\"methods\": {\"incomeDcf\": {\"cashFlows\": [\"1\"]}}}|methods.incomeDcf.discountRate|invalid-valuation-input",
        "{\"methods\": {\"rnpv\": {\"discountRate\": \"0.1\", \"cashFlows\": [\"1\", \"2\", \"3\"], \"probabilities\": [\"1\", \"0.5\", \"0.6\"]}}}|methods.rnpv.probabilities[2]|invalid-valuation-input",
        "{\"methods\": {\"rnpv\": {\"discountRate\": \"0.1\", \"cashFlows\": [\"1\", \"2\"], \"probabilities\": [\"1\"]}}}|methods.rnpv.probabilities|invalid-valuation-input",
        "{\"methods\": {\"reliefFromRoyalty\": {\"discountRate\": \"0.1\", \"taxRate\": \"0.25\", \"revenues\": [\"1\"], \"royaltyRate\": \"0.05\", \"operatingMargin\": \"0.2\"}}}|methods.reliefFromRoyalty.royaltyRate|royalty-and-margin-both-given",
        "{\"methods\": {\"reliefFromRoyalty\": {\"discountRate\": \"0.1\", \"taxRate\": \"0.25\", \"revenues\": [\"1\"], \"operatingMargin\": \"0.2\", \"rule\": \"PROFIT_SPLIT\", \"splitRate\": \"0.4\"}}}|methods.reliefFromRoyalty.splitRate|invalid-valuation-input",
        "{\"methods\": {\"cost\": {\"costItems\": {\"rdLabour\": \"1\", \"materials\": \"-1\", \"ipFees\": \"0\", \"opportunityCost\": \"0\"}, \"profitMarkup\": \"0.1\", \"elapsedYears\": 1, \"remainingYears\": 1, \"functionalObsolescence\": \"0\", \"economicObsolescence\": \"0\"}}}|methods.cost.costItems.materials|invalid-valuation-input",
        "{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"1\"}, {\"price\": \"1\", \"weight\": \"1\", \"adjustments\": {\"territory\": \"-1\"}}]}}}|methods.market.comparables[1].adjustments.territory|invalid-valuation-input",
        "{\"methods\": {\"realOption\": {\"underlyingValue\": \"1\", \"investment\": \"1\", \"years\": \"1\", \"volatility\": \"0.2\", \"riskFreeRate\": \"0.05\", \"monteCarlo\": {\"paths\": 1000001, \"seed\": 1}}}}|methods.realOption.monteCarlo.paths|invalid-valuation-input",
        "{\"methods\": {\"realOption\": {\"underlyingValue\": \"1\", \"investment\": \"1\", \"years\": \"0\", \"volatility\": \"0.2\", \"riskFreeRate\": \"0.05\"}}}|methods.realOption.years|invalid-valuation-input",
        "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.1\", \"cashFlows\": [\"1\"]}}, \"weights\": {\"incomeDcf\": \"0\"}}|weights.incomeDcf|invalid-valuation-input"})
    void brokenRulesAre422WithCodeAndField(String json, String field, String code) {
        call(api, HttpMethod.POST, bearer("tto"), "/api/v1/achievements/" + achievement + "/valuations", json)
            .expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.field").isEqualTo(field)
            .jsonPath("$.type").isEqualTo("https://api.ttx.example/problems/" + code);
    }

    @Test
    void aBodyOfAnotherTypeIs415() {
        api.post().uri("/api/v1/achievements/{id}/valuations", achievement)
            .header("Authorization", bearer("tto")).contentType(MediaType.TEXT_PLAIN).bodyValue(DCF).exchange()
            .expectStatus().isEqualTo(415);
    }
}
