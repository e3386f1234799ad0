package io.ttx.catalogue;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.ttx.catalogue.AchievementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Role x operation, allowed and denied, with the owner ("tto") against another organisation of every role. */
class AchievementAccessIT extends IntegrationTest {

    @ParameterizedTest(name = "{0} creates: {1}")
    @CsvSource({"researcher,201", "tto,201", "researcher-2,201", "enterprise,403", "broker,403", "agency,403", "evaluator,403",
        "auditor,403", "admin,403", "region-admin-330000,403"})
    void createIsForResearchersAndTtos(String client, int status) {
        api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, bearer(client))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID).exchange().expectStatus().isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} on a draft: get {1}, history {2}, patch {3}, submit {4}")
    @CsvSource({
        "tto,200,200,200,200",
        "tto-2,404,404,404,404",          // another organisation's owner role: the draft does not exist for it
        "researcher,404,404,404,404",
        "enterprise,404,404,403,403",     // route rules refuse the role before looking
        "broker,200,200,403,403",
        "evaluator,200,200,403,403",
        "auditor,200,200,403,403",
        "admin,200,200,403,403",
        "agency,404,404,403,403",
        "region-admin-330000,404,404,403,403"})
    void onADraft(String client, int get, int history, int patch, int submit) {
        String id = create(api, bearer("tto"), body()).get("id").asString();
        call("GET", client, "/api/v1/achievements/" + id, null).expectStatus().isEqualTo(get);
        call("GET", client, "/api/v1/achievements/" + id + "/history", null).expectStatus().isEqualTo(history);
        call("PATCH", client, "/api/v1/achievements/" + id, "{\"trl\":7}").expectStatus().isEqualTo(patch);
        call("POST", client, "/api/v1/achievements/" + id + "/submission", null).expectStatus().isEqualTo(submit);
    }

    @ParameterizedTest(name = "{0} on a published listing: get {1} (full {2}), history {3}, patch {4}, withdraw {5}, review {6}")
    @CsvSource({
        "tto,200,true,200,200,200,403",
        "tto-2,200,false,403,403,403,403",
        "researcher,200,false,403,403,403,403",
        "enterprise,200,false,403,403,403,403",
        "broker,200,true,200,403,403,409",
        "evaluator,200,true,200,403,403,403",
        "auditor,200,true,200,403,403,403",
        "admin,200,true,200,403,403,409",
        "agency,200,false,403,403,403,403"})
    void onAPublishedListing(String client, int get, boolean full, int history, int patch, int withdraw, int review) {
        String id = published(api, bearer("tto"), bearer("broker")).get("id").asString();
        JsonNode seen = call("GET", client, "/api/v1/achievements/" + id, null).expectStatus().isEqualTo(get)
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(seen.has("contact")).isEqualTo(full);
        call("GET", client, "/api/v1/achievements/" + id + "/history", null).expectStatus().isEqualTo(history);
        call("POST", client, "/api/v1/achievements/" + id + "/review", "{\"decision\":\"APPROVE\"}").expectStatus().isEqualTo(review);
        call("PATCH", client, "/api/v1/achievements/" + id, "{\"trl\":7}").expectStatus().isEqualTo(patch);
        call("POST", client, "/api/v1/achievements/" + id + "/withdrawal", null).expectStatus().isEqualTo(withdraw);
    }

    @ParameterizedTest(name = "{0} lists across organisations: {1}")
    @CsvSource({"broker,200", "admin,200", "auditor,200", "evaluator,200", "tto,403", "enterprise,403", "researcher,403"})
    void reviewQueueIsForReviewersAndReaders(String client, int status) {
        call("GET", client, "/api/v1/achievements?status=UNDER_REVIEW", null).expectStatus().isEqualTo(status);
    }

    @Test
    void reviewQueueShowsSubmittedListingsOfEveryOrganisation() {
        String a = create(api, bearer("tto"), body()).get("id").asString();
        String b = create(api, bearer("researcher-2"), body()).get("id").asString();
        step(api, bearer("tto"), a, "submission", null);
        step(api, bearer("researcher-2"), b, "submission", null);
        Set<String> queue = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = call("GET", "broker", "/api/v1/achievements?status=UNDER_REVIEW&size=100" + (cursor == null ? "" : "&cursor=" + cursor), null)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            page.get("items").forEach(i -> {
                assertThat(i.get("status").asString()).isEqualTo("UNDER_REVIEW");
                queue.add(i.get("id").asString());
            });
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(queue).contains(a, b);
    }

    @Test
    void minePagesByCursorVisitingEveryRecordOnce() {
        String org = TestOrgs.university();
        String token = "Bearer " + Tokens.custom("paging", List.of("tto"), org, "330100");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) created.add(create(api, token, body()).get("id").asString());
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = api.get().uri(u -> u.path("/api/v1/achievements").queryParam("mine", true).queryParam("size", 2).build());
            if (cursor != null) {
                String c = cursor;
                spec = api.get().uri(u -> u.path("/api/v1/achievements").queryParam("mine", true).queryParam("size", 2).queryParam("cursor", c).build());
            }
            JsonNode page = spec.header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
            page.get("items").forEach(i -> seen.add(i.get("id").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(seen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        api.get().uri("/api/v1/achievements?mine=true&size=0").header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isBadRequest();
        api.get().uri("/api/v1/achievements?mine=true&size=101").header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isBadRequest();
        api.get().uri("/api/v1/achievements?mine=true&status=NOPE").header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isBadRequest();
        api.get().uri("/api/v1/achievements?mine=true&cursor=!!!").header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isBadRequest();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec call(String method, String client, String path, String json) {
        var spec = api.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, bearer(client));
        if (method.equals("PATCH")) {
            spec = spec.header(HttpHeaders.IF_MATCH, currentEtag(path));
            return spec.contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue(json).exchange();
        }
        return json == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** The owner's current ETag, so that a denied PATCH is denied for its role, not for a stale version. */
    private String currentEtag(String path) {
        return api.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange()
            .returnResult(String.class).getResponseHeaders().getETag();
    }
}
