package io.ttx.catalogue;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.ttx.catalogue.AchievementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class AchievementLifecycleIT extends IntegrationTest {
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void createsADraftOwnedByTheCallersOrganisationWithNormalisedContent() {
        JsonNode a = api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body())).exchange()
            .expectStatus().isCreated()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/v1/achievements/ach_"))
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(a.get("status").asString()).isEqualTo("DRAFT");
        assertThat(a.get("version").asLong()).isEqualTo(1);
        assertThat(a.get("ownerOrg").asString()).isEqualTo(me("tto").get("org").asString());
        assertThat(a.get("ipcCodes").toString()).isEqualTo("[\"H01M 10/48\",\"G06N 3/08\"]");
        assertThat(a.at("/offer/askingPrice/amount").asString()).isEqualTo("1200000.00");
        assertThat(a.get("ownerType").asString()).isEqualTo("UNIVERSITY");
        assertThat(a.has("publishedAt")).isFalse();
    }

    @Test
    void reviewPublishesAndTheWorldSeesThePublicView() {
        String id = create(api, bearer("tto"), body()).get("id").asString();
        JsonNode submitted = step(api, bearer("tto"), id, "submission", "{\"note\":\"please review\"}");
        assertThat(submitted.get("status").asString()).isEqualTo("UNDER_REVIEW");
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer("enterprise"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isForbidden();

        JsonNode published = step(api, bearer("broker"), id, "review", "{\"decision\":\"APPROVE\",\"note\":\"complete\"}");
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        Instant publishedAt = Instant.parse(published.get("publishedAt").asString());
        assertThat(Duration.between(publishedAt, Instant.parse(published.get("expiresAt").asString()))).isEqualTo(Duration.ofDays(365));

        JsonNode seenByEnterprise = get("enterprise", id);
        assertThat(seenByEnterprise.has("contact")).isFalse();
        assertThat(seenByEnterprise.has("encumbrances")).isFalse();
        assertThat(seenByEnterprise.at("/title/zh").asString()).startsWith("基于深度学习");
        assertThat(get("tto", id).at("/contact/email").asString()).isEqualTo("tto@example.edu.cn");
        assertThat(get("broker-2", id).has("contact")).isTrue();

        List<String> actions = history("tto", id).findValues("action").stream().map(JsonNode::asString).toList();
        assertThat(actions).containsExactly("CREATE", "SUBMIT", "APPROVE");
        JsonNode approval = history("tto", id).get(2);
        assertThat(approval.get("by").asString()).isEqualTo("broker");
        assertThat(approval.get("note").asString()).isEqualTo("complete");
        assertThat(approval.get("from").asString()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void rectificationThenRejectionEndsTheListing() {
        String id = create(api, bearer("researcher"), body()).get("id").asString();
        step(api, bearer("researcher"), id, "submission", null);
        JsonNode rect = step(api, bearer("admin"), id, "review", "{\"decision\":\"REQUEST_CHANGES\",\"note\":\"add indicators\"}");
        assertThat(rect.get("status").asString()).isEqualTo("RECTIFICATION_REQUIRED");
        patch("researcher", id, rect.get("version").asLong(), "{\"technicalIndicators\":\"SOH error < 1.5 %\"}").expectStatus().isOk();
        assertThat(step(api, bearer("researcher"), id, "submission", null).get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(step(api, bearer("broker"), id, "review", "{\"decision\":\"REJECT\",\"note\":\"duplicate\"}").get("status").asString())
            .isEqualTo("REJECTED");
        illegal("researcher", id, "submission", null);
        illegal("researcher", id, "withdrawal", null);
    }

    @Test
    void illegalTransitionsAre409() {
        String id = create(api, bearer("tto"), body()).get("id").asString();
        illegal("broker", id, "review", "{\"decision\":\"APPROVE\"}");
        illegal("tto", id, "renewal", null);
        String published = published(api, bearer("tto"), bearer("broker")).get("id").asString();
        illegal("tto", published, "submission", null);
        illegal("broker", published, "review", "{\"decision\":\"REJECT\"}");
        api.delete().uri("/api/v1/achievements/{id}", published).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .header(HttpHeaders.IF_MATCH, "\"3\"").exchange().expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("illegal-transition").jsonPath("$.currentStatus").isEqualTo("PUBLISHED");
    }

    @Test
    void editsOfAPublishedListingWaitForReviewAndAreInTheTrail() {
        JsonNode p = published(api, bearer("tto"), bearer("broker"));
        String id = p.get("id").asString();
        JsonNode edited = patch("tto", id, p.get("version").asLong(), "{\"title\":{\"en\":\"Deep-learning SOH estimation\"},\"trl\":7}")
            .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + (p.get("version").asLong() + 1) + "\"")
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(edited.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(edited.at("/title/en").asString()).isEqualTo("Deep-learning prediction of lithium battery state of health");
        assertThat(edited.at("/pendingRevision/content/title/en").asString()).isEqualTo("Deep-learning SOH estimation");
        assertThat(edited.at("/pendingRevision/content/title/zh").asString()).startsWith("基于深度学习");
        assertThat(get("enterprise", id).get("trl").asInt()).isEqualTo(6);
        JsonNode last = history("tto", id).get(3);
        assertThat(last.get("action").asString()).isEqualTo("REVISION_SUBMITTED");
        assertThat(last.get("changedFields").toString()).isEqualTo("[\"title\",\"trl\"]");
    }

    @Test
    void mergePatchNullRemovesAFieldAndShapeErrorsAre400() {
        JsonNode a = create(api, bearer("tto"), body());
        String id = a.get("id").asString();
        JsonNode edited = patch("tto", id, 1, "{\"commercialAnalysis\":\"big market\",\"advantages\":null}").expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(edited.has("advantages")).isFalse();
        assertThat(edited.get("commercialAnalysis").asString()).isEqualTo("big market");
        patch("tto", id, 2, "{\"trl\":\"seven\"}").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.code").isEqualTo("validation-failed").jsonPath("$.errors[0].field").isEqualTo("trl");
        patch("tto", id, 2, "{\"field\":null}").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("field").jsonPath("$.errors[0].code").isEqualTo("required");
        patch("tto", id, 2, "{\"status\":\"PUBLISHED\"}").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown-field");
        patch("tto", id, 2, "{\"ipcCodes\":[\"not an ipc\"]}").expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("invalid-ipc");
        assertThat(get("tto", id).get("version").asLong()).isEqualTo(2); // nothing half-written
    }

    @Test
    void eTagRules() {
        String id = create(api, bearer("tto"), body()).get("id").asString();
        api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        api.patch().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue("{\"trl\":5}").exchange()
            .expectStatus().isEqualTo(428).expectBody().jsonPath("$.code").isEqualTo("precondition-required");
        patch("tto", id, 1, "{\"trl\":5}").expectStatus().isOk();
        patch("tto", id, 1, "{\"trl\":4}").expectStatus().isEqualTo(412).expectBody().jsonPath("$.code").isEqualTo("precondition-failed");
        api.patch().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).header(HttpHeaders.IF_MATCH, "garbage")
            .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue("{\"trl\":4}").exchange().expectStatus().isEqualTo(412);
        api.patch().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).header(HttpHeaders.IF_MATCH, "\"2\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"trl\":4}").exchange().expectStatus().isEqualTo(415);
        api.delete().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange()
            .expectStatus().isEqualTo(428);
        api.delete().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).header(HttpHeaders.IF_MATCH, "\"1\"")
            .exchange().expectStatus().isEqualTo(412);
        api.post().uri("/api/v1/achievements/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .header(HttpHeaders.IF_MATCH, "\"1\"").exchange().expectStatus().isEqualTo(412);
        api.delete().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).header(HttpHeaders.IF_MATCH, "\"2\"")
            .exchange().expectStatus().isNoContent();
        api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange().expectStatus().isNotFound();
    }

    @Test
    void listingsExpireAfterTheValidityAndRenewWithoutReview() {
        String id = published(api, bearer("tto"), bearer("broker")).get("id").asString();
        clock.advance(Duration.ofDays(366));
        assertThat(get("tto", id).get("status").asString()).isEqualTo("EXPIRED");
        api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange()
            .expectStatus().isNotFound();
        JsonNode renewed = step(api, bearer("tto"), id, "renewal", null);
        assertThat(renewed.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(Instant.parse(renewed.get("expiresAt").asString())).isAfter(clock.instant().plus(Duration.ofDays(364)));
        assertThat(get("enterprise", id).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(step(api, bearer("tto"), id, "withdrawal", "{\"note\":\"licensed elsewhere\"}").get("status").asString()).isEqualTo("WITHDRAWN");
        api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange()
            .expectStatus().isNotFound();
        illegal("tto", id, "renewal", null);
    }

    private JsonNode me(String client) {
        return api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(client)).exchange()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode get(String client, String id) {
        return api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(client)).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode history(String client, String id) {
        return api.get().uri("/api/v1/achievements/{id}/history", id).header(HttpHeaders.AUTHORIZATION, bearer(client)).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec patch(String client, String id, long version, String json) {
        return api.patch().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(client))
            .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
            .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue(json).exchange();
    }

    private void illegal(String client, String id, String step, String json) {
        var spec = api.post().uri("/api/v1/achievements/{id}/{step}", id, step).header(HttpHeaders.AUTHORIZATION, bearer(client));
        var ex = json == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
        ex.expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("illegal-transition");
    }
}
