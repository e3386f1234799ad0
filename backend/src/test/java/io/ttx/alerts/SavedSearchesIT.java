package io.ttx.alerts;

import io.ttx.alerts.persistence.DeliveryStore;
import io.ttx.alerts.persistence.SavedSearchStore;
import io.ttx.alerts.webhooks.WebhookTargets;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.search.AchievementSearch;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The saved-search API: storing, reading, deleting, ownership, validation and limits. */
class SavedSearchesIT extends IntegrationTest {
    private static final String QUERY = "{\"q\": \"锂电池\", \"field\": [\"NEW_ENERGY\"], \"ipc\": [], \"trlMin\": 5, \"trlMax\": 9, \"region\": [\"330000\"],"
        + " \"transferMode\": [], \"tradeMethod\": [], \"priceMin\": \"0\", \"priceMax\": \"5000000\", \"owner\": null}";

    @Autowired
    SavedSearchStore store;
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    AchievementSearch search;
    @Autowired
    Clock clock;

    private final String subject = "alerts-user-" + UUID.randomUUID();
    private final String user = "Bearer " + Tokens.custom(subject, List.of("enterprise"), TestOrgs.random("91", "330100"), "330100");
    private final String stranger = "Bearer " + Tokens.custom("alerts-stranger-" + UUID.randomUUID(), List.of("enterprise"),
        TestOrgs.random("91", "330100"), "330100");

    @Test
    void aSavedSearchIsStoredWithItsSecretShownOnceAndBelongsToItsOwner() {
        JsonNode created = api.post().uri("/api/v1/saved-searches").header(HttpHeaders.AUTHORIZATION, user).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\": \"锂电池 in Zhejiang\", \"query\": " + QUERY + ", \"webhook\": {\"url\": \"https://127.0.0.1:9/hook\"}}")
            .exchange().expectStatus().isCreated()
            .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/v1/saved-searches/sav_"))
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = created.get("id").asString();
        assertThat(created.at("/webhook/secret").asString()).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(created.at("/query/trlMin").asInt()).isEqualTo(5);
        assertThat(created.at("/query/owner").isMissingNode()).isTrue();

        JsonNode read = api.get().uri("/api/v1/saved-searches/{id}", id).header(HttpHeaders.AUTHORIZATION, user).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(read.at("/webhook/url").asString()).isEqualTo("https://127.0.0.1:9/hook");
        assertThat(read.at("/webhook/secret").isMissingNode()).isTrue();
        assertThat(read.get("createdAt")).isEqualTo(created.get("createdAt"));
        JsonNode list = api.get().uri("/api/v1/saved-searches").header(HttpHeaders.AUTHORIZATION, user).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.at("/items/0/webhook/secret").isMissingNode()).isTrue();

        // another user sees nothing of it
        api.get().uri("/api/v1/saved-searches/{id}", id).header(HttpHeaders.AUTHORIZATION, stranger).exchange()
            .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("not-found");
        api.get().uri("/api/v1/saved-searches/{id}/deliveries", id).header(HttpHeaders.AUTHORIZATION, stranger).exchange().expectStatus().isNotFound();
        api.delete().uri("/api/v1/saved-searches/{id}", id).header(HttpHeaders.AUTHORIZATION, stranger).exchange().expectStatus().isNotFound();
        assertThat(api.get().uri("/api/v1/saved-searches").header(HttpHeaders.AUTHORIZATION, stranger).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("items")).isEmpty();

        AlertSteps.delete(api, user, id);
        api.get().uri("/api/v1/saved-searches/{id}", id).header(HttpHeaders.AUTHORIZATION, user).exchange().expectStatus().isNotFound();
        api.delete().uri("/api/v1/saved-searches/{id}", id).header(HttpHeaders.AUTHORIZATION, user).exchange().expectStatus().isNotFound();
    }

    @Test
    void badQueriesAndNamesAre400WithTheSearchEndpointsRules() {
        for (String bad : List.of(
                "{\"name\": \"x\", \"query\": {\"field\": [\"ROCKETS\"]}}",
                "{\"name\": \"x\", \"query\": {\"trlMin\": 10}}",
                "{\"name\": \"x\", \"query\": {\"trlMin\": \"5\"}}",
                "{\"name\": \"x\", \"query\": {\"priceMin\": \"1,000\"}}",
                "{\"name\": \"x\", \"query\": {\"region\": [\"33\"]}}",
                "{\"name\": \"x\", \"query\": {\"owner\": \"not-a-uscc\"}}",
                "{\"name\": \"x\", \"query\": {\"q\": \"" + "x".repeat(257) + "\"}}",
                "{\"name\": \"x\", \"query\": {\"sort\": \"newest\"}}",
                "{\"name\": \"x\", \"query\": {\"size\": 5}}",
                "{\"name\": \"\", \"query\": {}}",
                "{\"name\": \"" + "n".repeat(101) + "\", \"query\": {}}",
                "{\"query\": {}}",
                "{\"name\": \"x\"}",
                "{\"name\": \"x\", \"query\": {}, \"webhook\": {}}",
                "{\"name\": \"x\", \"query\": {}, \"extra\": 1}")) {
            api.post().uri("/api/v1/saved-searches").header(HttpHeaders.AUTHORIZATION, user).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bad).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation-failed").jsonPath("$.errors[0].field").exists();
        }
        api.post().uri("/api/v1/saved-searches").header(HttpHeaders.AUTHORIZATION, user).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\": \"x\", \"query\": {\"field\": [\"ROCKETS\"]}}").exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("query.field");
        assertThat(store.countOf(subject).block(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void webhookUrlsMustBeHttpsToPublicHosts() {
        record Case(String url, String code) { }
        for (Case c : List.of(new Case("http://8.8.8.8/hook", "webhook-not-https"), new Case("ftp://8.8.8.8/hook", "webhook-not-https"),
                new Case("https://user:pw@8.8.8.8/hook", "webhook-invalid-url"), new Case("not a url", "webhook-invalid-url"),
                new Case("https://no-such-host.invalid/hook", "webhook-host-unresolvable"))) {
            api.post().uri("/api/v1/saved-searches").header(HttpHeaders.AUTHORIZATION, user).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"x\", \"query\": {}, \"webhook\": {\"url\": \"" + c.url() + "\"}}").exchange()
                .expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(c.code()).jsonPath("$.field").isEqualTo("webhook.url");
        }
        assertThat(store.countOf(subject).block(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void withoutTheTestSettingLoopbackAndPrivateTargetsAreRefusedAndNothingIsStored() {
        // the shared test context allows loopback (for WireMock); the production setting is exercised on the real service and store
        SavedSearches strict = new SavedSearches(store, deliveries, new WebhookTargets(false, Duration.ofSeconds(5)),
            AlertsProperties.defaults(), search, clock);
        CurrentUser me = new CurrentUser(subject, Set.of(Role.ENTERPRISE), null, null);
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook", "https://10.1.2.3/hook",
                "https://192.168.1.10/hook", "https://169.254.169.254/latest", "http://127.0.0.1/hook")) {
            StepVerifier.create(strict.create(me, "x", new SavedQuery(null, null, null, null, null, null, null, null, null, null, null), url))
                .expectErrorSatisfies(e -> assertThat(e).as(url).isInstanceOfSatisfying(WebhookRefused.class,
                    r -> assertThat(r.code()).isIn("webhook-address-refused", "webhook-not-https")))
                .verify(Duration.ofSeconds(10));
        }
        assertThat(store.countOf(subject).block(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void aUserKeepsAtMostTheConfiguredNumberOfSavedSearches() {
        for (int i = 0; i < 5; i++) AlertSteps.save(api, user, "{\"name\": \"search " + i + "\", \"query\": {}}");
        api.post().uri("/api/v1/saved-searches").header(HttpHeaders.AUTHORIZATION, user).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\": \"one too many\", \"query\": {}}").exchange()
            .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("too-many-saved-searches");
        JsonNode list = api.get().uri("/api/v1/saved-searches").header(HttpHeaders.AUTHORIZATION, user).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.get("items")).hasSize(5);
        assertThat(list.at("/items/0/name").asString()).isEqualTo("search 4"); // newest first
        list.get("items").forEach(s -> AlertSteps.delete(api, user, s.get("id").asString()));
    }

    @Test
    void everyRouteNeedsAToken() {
        api.get().uri("/api/v1/saved-searches").exchange().expectStatus().isUnauthorized();
        api.post().uri("/api/v1/saved-searches").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"x\", \"query\": {}}")
            .exchange().expectStatus().isUnauthorized();
        api.get().uri("/api/v1/saved-searches/sav_00000000000000000000").exchange().expectStatus().isUnauthorized();
        api.delete().uri("/api/v1/saved-searches/sav_00000000000000000000").exchange().expectStatus().isUnauthorized();
        api.get().uri("/api/v1/saved-searches/sav_00000000000000000000/deliveries").exchange().expectStatus().isUnauthorized();
        api.get().uri("/api/v1/notifications").exchange().expectStatus().isUnauthorized();
        api.post().uri("/api/v1/notifications/ntf_00000000000000000000/read").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void pagingParametersAreChecked() {
        for (String uri : List.of("/api/v1/notifications?size=0", "/api/v1/notifications?size=101", "/api/v1/notifications?cursor=%25%25",
                "/api/v1/notifications?size=ten")) {
            api.get().uri(uri).header(HttpHeaders.AUTHORIZATION, user).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation-failed");
        }
        api.post().uri("/api/v1/notifications/ntf_00000000000000000000/read").header(HttpHeaders.AUTHORIZATION, user).exchange()
            .expectStatus().isNotFound();
    }
}
