package io.ttx.valuation;

import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import static io.ttx.valuation.ValuationSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A valuation's recommended range published as the listing's price hint, seen by everyone who sees the listing. */
class ValuationPublicationIT extends IntegrationTest {

    @Test
    void theOwnersTtoPublishesTheRangeAndTheHintShowsInThePublicView() {
        String achievement = CatalogueTestSteps.published(api, bearer("tto"), bearer("broker"));
        JsonNode v = value(api, bearer("evaluator"), achievement, TestValuations.allMethods(1_000));
        String id = v.get("id").asString();

        JsonNode listing = api.post().uri("/api/v1/valuations/{id}/publication", id).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .exchange().expectStatus().isOk().expectHeader().exists(HttpHeaders.ETAG)
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(listing.get("id").asString()).isEqualTo(achievement);
        assertThat(listing.at("/priceHint/low").asString()).isEqualTo("1863912.17");
        assertThat(listing.at("/priceHint/high").asString()).isEqualTo("2384836.54");
        assertThat(listing.at("/priceHint/currency").asString()).isEqualTo("CNY");
        assertThat(listing.at("/priceHint/valuationId").asString()).isEqualTo(id);

        JsonNode publicView = get(api, bearer("enterprise"), "/api/v1/achievements/" + achievement);
        assertThat(publicView.has("contact")).isFalse(); // the public view
        assertThat(publicView.get("priceHint")).isEqualTo(listing.get("priceHint"));

        JsonNode history = get(api, bearer("tto"), "/api/v1/achievements/" + achievement + "/history");
        assertThat(history.get("items").get(history.get("items").size() - 1).get("action").asString()).isEqualTo("PRICE_HINT");
    }

    @Test
    void aNewerPublicationReplacesTheHint() {
        String achievement = CatalogueTestSteps.published(api, bearer("tto"), bearer("broker"));
        String first = value(api, bearer("tto"), achievement, DCF).get("id").asString();
        String second = value(api, bearer("tto"), achievement, TestValuations.allMethods(1_000)).get("id").asString();
        call(api, HttpMethod.POST, bearer("tto"), "/api/v1/valuations/" + first + "/publication", null).expectStatus().isOk();
        call(api, HttpMethod.POST, bearer("tto"), "/api/v1/valuations/" + second + "/publication", null).expectStatus().isOk();

        JsonNode publicView = get(api, bearer("enterprise-2"), "/api/v1/achievements/" + achievement);
        assertThat(publicView.at("/priceHint/valuationId").asString()).isEqualTo(second);
        assertThat(publicView.at("/priceHint/low").asString()).isEqualTo("1863912.17");
    }

    @Test
    void aWithdrawnListingTakesNoHint() {
        String achievement = CatalogueTestSteps.published(api, bearer("tto"), bearer("broker"));
        String id = value(api, bearer("tto"), achievement, DCF).get("id").asString();
        call(api, HttpMethod.POST, bearer("tto"), "/api/v1/achievements/" + achievement + "/withdrawal", null).expectStatus().isOk();

        call(api, HttpMethod.POST, bearer("tto"), "/api/v1/valuations/" + id + "/publication", null)
            .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("illegal-transition");
        // the valuation itself stays readable
        assertThat(get(api, bearer("auditor"), "/api/v1/valuations/" + id).get("id").asString()).isEqualTo(id);
    }
}
