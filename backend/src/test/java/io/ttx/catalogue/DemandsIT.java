package io.ttx.catalogue;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import io.ttx.testsupport.RecordingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.ttx.catalogue.AchievementFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** Technology demands: the same lifecycle, validation style, ownership and role rules as achievements. */
public class DemandsIT extends IntegrationTest {
    static final String VALID = """
        {"title": {"zh": "储能电站锂电池健康状态在线监测技术需求", "en": "Need: online SOH monitoring for storage-plant batteries"},
         "summary": {"zh": "需要在不停机情况下评估电池健康状态。", "en": "Assess battery health without downtime."},
         "field": "NEW_ENERGY", "keywords": ["锂电池", "储能", "state of health"],
         "technicalIndicators": "SOH error below 3 %%", "problemToSolve": "Fade found only at annual tests.",
         "currentBasis": "BMS data of 40,000 cells", "budgetRange": {"min": "500000", "max": "1000000.5"},
         "cooperationModes": ["EXCLUSIVE_LICENCE", "JOINT_DEVELOPMENT", "EXCLUSIVE_LICENCE"], "region": "310000",
         "validUntil": "%s", "expectedDelivery": "%s", "ipOwnership": "BUYER", "voucherEligible": true}""";

    @Autowired
    MutableClock clock;
    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    public static ObjectNode body() {
        LocalDate today = LocalDate.now();
        return (ObjectNode) JSON.readTree(VALID.formatted(today.plusYears(1), today.plusMonths(6)));
    }

    @Test
    void anEnterprisePostsADemandThatIsPublishedOnSubmissionWithoutReview() {
        JsonNode d = create("enterprise", body()).expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = d.get("id").asString();
        assertThat(d.get("status").asString()).isEqualTo("DRAFT");
        assertThat(d.at("/budgetRange/max").asString()).isEqualTo("1000000.50");
        assertThat(d.get("cooperationModes").toString()).isEqualTo("[\"EXCLUSIVE_LICENCE\",\"JOINT_DEVELOPMENT\"]");
        call(HttpMethod.GET, "tto", "/api/v1/demands/" + id, null).expectStatus().isNotFound();
        JsonNode published = call(HttpMethod.POST, "enterprise", "/api/v1/demands/" + id + "/submission", null).expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        call(HttpMethod.GET, "tto", "/api/v1/demands/" + id, null).expectStatus().isOk();
        call(HttpMethod.POST, "broker", "/api/v1/demands/" + id + "/review", "{\"decision\":\"APPROVE\"}").expectStatus().isEqualTo(409);
        call(HttpMethod.GET, "enterprise", "/api/v1/demands/" + id + "/history", null).expectStatus().isOk()
            .expectBody().jsonPath("$.items[1].action").isEqualTo("SUBMIT").jsonPath("$.items[1].to").isEqualTo("PUBLISHED");
        call(HttpMethod.POST, "enterprise", "/api/v1/demands/" + id + "/withdrawal", null).expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        call(HttpMethod.GET, "tto", "/api/v1/demands/" + id, null).expectStatus().isNotFound();
    }

    @ParameterizedTest(name = "{0}: create {1}, get draft {2}, patch {3}, submit {4}")
    @CsvSource({"enterprise,201,200,200,200", "enterprise-2,201,404,404,404", "tto,403,404,403,403", "researcher,403,404,403,403",
        "broker,403,200,403,403", "admin,403,200,403,403", "auditor,403,200,403,403", "agency,403,404,403,403"})
    void roleAndOwnershipMatrix(String client, int create, int get, int patch, int submit) {
        create(client, body()).expectStatus().isEqualTo(create);
        String id = create("enterprise", body()).expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        call(HttpMethod.GET, client, "/api/v1/demands/" + id, null).expectStatus().isEqualTo(get);
        api.patch().uri("/api/v1/demands/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(client)).header(HttpHeaders.IF_MATCH, "\"1\"")
            .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue("{\"voucherEligible\":false}").exchange()
            .expectStatus().isEqualTo(patch);
        call(HttpMethod.POST, client, "/api/v1/demands/" + id + "/submission", null).expectStatus().isEqualTo(submit);
    }

    @ParameterizedTest(name = "{0} on a published demand: get {1}, history {2}, review {3}, patch {4}, delete {5}, withdraw {6}")
    @CsvSource({
        "enterprise,200,200,403,200,409,200",
        "enterprise-2,200,403,403,403,403,403",
        "tto,200,403,403,403,403,403",
        "researcher,200,403,403,403,403,403",
        "broker,200,200,409,403,403,403",
        "admin,200,200,409,403,403,403",
        "evaluator,200,200,403,403,403,403",
        "auditor,200,200,403,403,403,403",
        "agency,200,403,403,403,403,403",
        "region-admin-310000,200,403,403,403,403,403"})
    void roleMatrixOnAPublishedDemand(String client, int get, int history, int review, int patch, int delete, int withdraw) {
        String id = create("enterprise", body()).expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        call(HttpMethod.POST, "enterprise", "/api/v1/demands/" + id + "/submission", null).expectStatus().isOk();
        call(HttpMethod.GET, client, "/api/v1/demands/" + id, null).expectStatus().isEqualTo(get);
        call(HttpMethod.GET, client, "/api/v1/demands/" + id + "/history", null).expectStatus().isEqualTo(history);
        call(HttpMethod.POST, client, "/api/v1/demands/" + id + "/review", "{\"decision\":\"APPROVE\"}").expectStatus().isEqualTo(review);
        api.patch().uri("/api/v1/demands/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(client)).header(HttpHeaders.IF_MATCH, "\"2\"")
            .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue("{\"voucherEligible\":false}").exchange()
            .expectStatus().isEqualTo(patch);
        api.delete().uri("/api/v1/demands/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(client)).header(HttpHeaders.IF_MATCH, "\"3\"")
            .exchange().expectStatus().isEqualTo(delete);
        call(HttpMethod.POST, client, "/api/v1/demands/" + id + "/withdrawal", null).expectStatus().isEqualTo(withdraw);
    }

    @Test
    void draftsDeleteWithIfMatchAndStaleVersionsAre412() {
        String id = create("enterprise", body()).expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        api.delete().uri("/api/v1/demands/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange().expectStatus().isEqualTo(428);
        api.delete().uri("/api/v1/demands/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).header(HttpHeaders.IF_MATCH, "\"7\"")
            .exchange().expectStatus().isEqualTo(412);
        api.delete().uri("/api/v1/demands/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).header(HttpHeaders.IF_MATCH, "\"1\"")
            .exchange().expectStatus().isNoContent();
        call(HttpMethod.GET, "enterprise", "/api/v1/demands/" + id, null).expectStatus().isNotFound();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"budget-and-range,budgetRange", "inconsistent-dates,validUntil", "negative-amount,budget.amount",
        "missing-language,title", "invalid-range,budgetRange", "invalid-region,region"})
    void rulesGive422WithCodeAndField(String code, String field) {
        ObjectNode b = body();
        switch (code) {
            case "budget-and-range" -> b.set("budget", JSON.createObjectNode().put("amount", "1.00").put("currency", "CNY"));
            case "inconsistent-dates" -> b.put("validUntil", LocalDate.now().minusDays(1).toString());
            case "negative-amount" -> { b.remove("budgetRange"); b.set("budget", JSON.createObjectNode().put("amount", "-5").put("currency", "CNY")); }
            case "missing-language" -> b.set("title", JSON.createObjectNode().put("zh", " "));
            case "invalid-range" -> b.set("budgetRange", JSON.createObjectNode().put("min", "9").put("max", "1"));
            default -> b.put("region", "31");
        }
        create("enterprise", b).expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.field").isEqualTo(field);
    }

    @Test
    void shapeErrorsAre400() {
        ObjectNode b = body();
        b.put("voucherEligible", "yes");
        create("enterprise", b).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("voucherEligible");
    }

    @Test
    void aPublishedDemandExpiresAtTheEndOfItsValidUntilDayAndThenCannotBeRenewed() {
        ObjectNode b = body();
        b.put("validUntil", LocalDate.now().plusDays(10).toString());
        String id = create("enterprise", b).expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        JsonNode p = call(HttpMethod.POST, "enterprise", "/api/v1/demands/" + id + "/submission", null)
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(java.time.Instant.parse(p.get("expiresAt").asString()))
            .isBefore(java.time.Instant.now().plus(Duration.ofDays(12))).isAfter(java.time.Instant.now().plus(Duration.ofDays(9)));
        clock.advance(Duration.ofDays(12));
        call(HttpMethod.GET, "enterprise", "/api/v1/demands/" + id, null).expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
        call(HttpMethod.GET, "tto", "/api/v1/demands/" + id, null).expectStatus().isNotFound();
        call(HttpMethod.POST, "enterprise", "/api/v1/demands/" + id + "/renewal", null).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("inconsistent-dates").jsonPath("$.field").isEqualTo("validUntil");
    }

    @Test
    void aDemandWithinItsValidityRenewsWithoutReview() {
        String id = create("enterprise", body()).expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        call(HttpMethod.POST, "enterprise", "/api/v1/demands/" + id + "/submission", null).expectStatus().isOk();
        clock.advance(Duration.ofDays(366)); // past the 365-day validity, before its validUntil (today + 1 year... + a day)
        call(HttpMethod.GET, "enterprise", "/api/v1/demands/" + id, null).expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
        clock.reset();
        call(HttpMethod.POST, "enterprise", "/api/v1/demands/" + id + "/renewal", null).expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
    }

    @Test
    void demandEventsAreRecordedAndRelayed() {
        String id = create("enterprise", body()).expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        call(HttpMethod.POST, "enterprise", "/api/v1/demands/" + id + "/submission", null).expectStatus().isOk();
        eventually(Duration.ofSeconds(20), () -> {
            org.bson.Document d = mongo.findOne(Query.query(Criteria.where("_id").is(id)), org.bson.Document.class, "demands")
                .block(Duration.ofSeconds(10));
            assertThat(d.getList("pendingEvents", org.bson.Document.class)).isEmpty();
        });
    }

    @Test
    void mineListsOnlyTheCallersDemandsAndOthersAreForReviewers() {
        String id = create("enterprise-2", body()).expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        JsonNode mine = call(HttpMethod.GET, "enterprise-2", "/api/v1/demands?mine=true&size=100", null).expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mine.get("items").valueStream().map(i -> i.get("id").asString()).toList()).contains(id);
        assertThat(mine.get("items").valueStream().map(i -> i.get("ownerOrg").asString()).distinct().toList()).hasSize(1);
        call(HttpMethod.GET, "enterprise", "/api/v1/demands", null).expectStatus().isForbidden();
        call(HttpMethod.GET, "broker", "/api/v1/demands?status=DRAFT", null).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec create(String client, ObjectNode body) {
        return api.post().uri("/api/v1/demands").header(HttpHeaders.AUTHORIZATION, bearer(client))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body)).exchange();
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String client, String path, String json) {
        var spec = api.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, bearer(client));
        return json == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
