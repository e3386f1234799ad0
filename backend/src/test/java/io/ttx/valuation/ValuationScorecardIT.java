package io.ttx.valuation;

import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static io.ttx.valuation.ValuationSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The GB/T 44731-2024 scorecard over HTTP: the worked example, weights, validation, storage and order. */
class ValuationScorecardIT extends IntegrationTest {

    @Test
    void theWorkedExampleScores74Point25WithTheConfiguredWeights() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));

        JsonNode e = call(api, HttpMethod.POST, bearer("evaluator"), "/api/v1/achievements/" + achievement + "/evaluations", SCORES)
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(e.get("id").asString()).startsWith("eva_");
        assertThat(e.get("achievementId").asString()).isEqualTo(achievement);
        assertThat(e.get("overall").asString()).isEqualTo("74.25");
        assertThat(e.get("scores")).isEqualTo(tree(SCORES).get("scores"));
        assertThat(e.get("weights").toString()).isEqualTo("{\"scientific\":\"0.15\",\"technical\":\"0.25\",\"economic\":\"0.25\","
            + "\"social\":\"0.10\",\"cultural\":\"0.05\",\"transferPotential\":\"0.20\"}");
        assertThat(e.get("rationale")).isEqualTo(tree(SCORES).get("rationale"));
        assertThat(e.get("createdBy").asString()).isEqualTo("evaluator");
        assertThat(e.get("ruleSetVersion").asString()).isEqualTo("1");
    }

    @Test
    void evaluationsListNewestFirstForTheReaders() {
        String achievement = CatalogueTestSteps.published(api, bearer("tto"), bearer("broker"));
        String path = "/api/v1/achievements/" + achievement + "/evaluations";
        JsonNode first = call(api, HttpMethod.POST, bearer("evaluator"), path, SCORES).expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode second = call(api, HttpMethod.POST, bearer("admin"), path,
            "{\"scores\": {\"scientific\": 100, \"technical\": 100, \"economic\": 100, \"social\": 100, \"cultural\": 100, \"transferPotential\": 100}}")
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(second.get("overall").asString()).isEqualTo("100.00");
        assertThat(second.get("rationale").isEmpty()).isTrue();
        JsonNode page = get(api, ownerColleague(api, "researcher"), path);
        assertThat(page.get("items")).containsExactly(second, first);
        JsonNode one = get(api, bearer("auditor"), path + "?size=1");
        assertThat(one.get("items")).containsExactly(second);
        assertThat(get(api, bearer("auditor"), path + "?size=1&cursor=" + one.get("nextCursor").asString()).get("items"))
            .containsExactly(first);
    }

    @ParameterizedTest(name = "{0} -> 400 {2} at {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"scores\": {\"scientific\": 80, \"technical\": 77, \"economic\": 70, \"cultural\": 50, \"transferPotential\": 85}}|scores.social|required",
        "{\"scores\": {\"scientific\": 80, \"technical\": 77, \"economic\": 70, \"social\": null, \"cultural\": 50, \"transferPotential\": 85}}|scores.social|required",
        "{\"scores\": {\"scientific\": 80, \"technical\": 77.5, \"economic\": 70, \"social\": 60, \"cultural\": 50, \"transferPotential\": 85}}|scores.technical|type",
        "{\"scores\": {\"scientific\": \"80\", \"technical\": 77, \"economic\": 70, \"social\": 60, \"cultural\": 50, \"transferPotential\": 85}}|scores.scientific|type",
        "{\"scores\": {\"scientific\": 80, \"technical\": 77, \"economic\": 70, \"social\": 60, \"cultural\": 50, \"transferPotential\": 85, \"beauty\": 99}}|scores.beauty|unknown-field",
        "{\"rationale\": {}}|scores|required"})
    void wrongShapesAre400(String json, String field, String code) {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        call(api, HttpMethod.POST, bearer("evaluator"), "/api/v1/achievements/" + achievement + "/evaluations", json)
            .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo(field).jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} = {1} -> 422")
    @CsvSource({"technical,101", "social,-1", "transferPotential,1000"})
    void scoresOutsideZeroToHundredAre422InvalidScore(String criterion, int score) {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        String json = SCORES.replaceFirst("\"" + criterion + "\": [0-9]+", "\"" + criterion + "\": " + score);
        call(api, HttpMethod.POST, bearer("admin"), "/api/v1/achievements/" + achievement + "/evaluations", json)
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("invalid-score")
            .jsonPath("$.field").isEqualTo("scores." + criterion);
    }
}
