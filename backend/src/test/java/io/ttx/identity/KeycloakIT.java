package io.ttx.identity;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.Keycloak;
import io.ttx.testsupport.KeycloakAdmin;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Keycloak with infra/keycloak/realm-ttx.json, trusted next to the dev IdP by the shared context. Every demo
 * client of the dev IdP used here has a twin in Keycloak with the same role, organisation and region (people log in
 * with their password through a test-only client; a peer platform and a university's integration are service
 * accounts), and the backend must take the same decision for the twin's token as for the demo client's, on reads and
 * writes, in the own and in another organisation.
 */
class KeycloakIT extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOGIN = "ttx-it-login";
    private static final String SECRET = "ttx-it-secret";
    /** Demo clients of the dev IdP whose twins are Keycloak users; {@code tto-2} is another organisation of {@code tto}'s role. */
    private static final List<String> PEOPLE = List.of("researcher", "tto", "tto-2", "enterprise", "broker", "agency", "evaluator",
        "auditor", "admin", "region-admin-330000");
    /** Service accounts: a peer platform (with its provinces) and the system of tto's university publishing for it. */
    private static final Map<String, String> SERVICES = Map.of("peer-370000", "kc-peer-370000", "tto", "kc-integration-tto");
    private static final Map<String, String> twins = new HashMap<>();
    private static final Map<String, String> serviceTokens = new HashMap<>();
    private static KeycloakAdmin keycloak;
    private static long tokensFetchedAt;

    @BeforeAll
    static void keycloakWithTwinsOfTheDemoClients() {
        Keycloak.start();
        keycloak = new KeycloakAdmin();
        keycloak.passwordLoginClient(LOGIN, SECRET);
        for (String person : PEOPLE) {
            JsonNode c = claims(Tokens.of(person));
            keycloak.user("kc-" + person, "pw-" + person, c.get("roles").get(0).asString(), attributes(c));
        }
        SERVICES.forEach((demo, clientId) -> {
            JsonNode c = claims(Tokens.of(demo));
            keycloak.serviceClient(clientId, SECRET, c.get("roles").get(0).asString(), attributes(c));
        });
    }

    /** The realm's access tokens live 5 minutes: new ones when the last are 3 minutes old (a slow machine). */
    @BeforeEach
    void freshKeycloakTokens() {
        if (!twins.isEmpty() && System.nanoTime() - tokensFetchedAt < Duration.ofMinutes(3).toNanos()) return;
        for (String person : PEOPLE) twins.put(person, "Bearer " + keycloak.passwordToken(LOGIN, SECRET, "kc-" + person, "pw-" + person));
        SERVICES.values().forEach(clientId -> serviceTokens.put(clientId, "Bearer " + keycloak.clientToken(clientId, SECRET)));
        tokensFetchedAt = System.nanoTime();
    }

    @Test
    void theBackendSeesTheSameCallerInTheTwinsTokens() {
        for (String person : PEOPLE) sameCaller(person, twins.get(person));
        SERVICES.forEach((demo, clientId) -> sameCaller(demo, serviceTokens.get(clientId)));
        JsonNode peer = me(serviceTokens.get("kc-peer-370000"));
        assertThat(peer.get("regions").valueStream().map(JsonNode::asString)).containsExactly("370000");
        assertThat(claims(serviceTokens.get("kc-peer-370000").substring(7)).get("iss").asString()).isEqualTo(Keycloak.issuer());
    }

    @Test
    void creatingAnAchievementIsDecidedAlike() {
        Map<String, Integer> expected = expect(403, Map.of("researcher", 201, "tto", 201, "tto-2", 201));
        expected.forEach((person, status) -> sameDecision(person, status, bearer -> create(bearer).status()));
        assertThat(create(serviceTokens.get("kc-integration-tto")).status()).as("a university's own system, as its service account")
            .isEqualTo(201);
    }

    @Test
    void aDraftIsSeenByItsOrganisationAndTheReviewersWhicheverIssuedTheTokens() {
        // a Keycloak user's draft: the dev IdP's tto is the same organisation
        String id = create(twins.get("tto")).id();
        Map<String, Integer> expected = expect(404, Map.of("tto", 200, "broker", 200, "evaluator", 200, "auditor", 200, "admin", 200));
        expected.forEach((person, status) -> sameDecision(person, status, bearer -> status(api.get().uri("/api/v1/achievements/{id}", id)
            .header(HttpHeaders.AUTHORIZATION, bearer))));
    }

    @Test
    void onlyTheOwnOrganisationSubmitsADraftWhicheverIssuedTheTokens() {
        Map<String, Integer> expected = expect(403, Map.of("tto", 200, "tto-2", 404, "researcher", 404));
        expected.forEach((person, status) -> sameDecision(person, status, bearer -> {
            String id = create(serviceTokens.get("kc-integration-tto")).id(); // a fresh draft for each call: submitting changes it
            return status(api.post().uri("/api/v1/achievements/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, bearer));
        }));
    }

    @Test
    void theReviewQueueIsForReviewersWhicheverIssuedTheTokens() {
        Map<String, Integer> expected = expect(403, Map.of("broker", 200, "evaluator", 200, "auditor", 200, "admin", 200));
        expected.forEach((person, status) -> sameDecision(person, status, bearer -> status(api.get()
            .uri("/api/v1/achievements?status=UNDER_REVIEW&size=1").header(HttpHeaders.AUTHORIZATION, bearer))));
    }

    @Test
    void onlyPeersReachTheFederationProtocol() {
        assertThat(federationStatus(bearer("peer-370000"))).isEqualTo(404);
        assertThat(federationStatus(serviceTokens.get("kc-peer-370000"))).isEqualTo(404);
        assertThat(federationStatus(bearer("tto"))).isEqualTo(403);
        assertThat(federationStatus(twins.get("tto"))).isEqualTo(403);
    }

    @Test
    void tokensOfAnotherRealmOrWithoutTheApiAudienceAreRefused() {
        keycloak.serviceClientWithScopes("kc-no-api-scope", SECRET, List.of("basic"));
        String noAudience = keycloak.clientToken("kc-no-api-scope", SECRET);
        assertThat(claims(noAudience).has("aud")).as("without the realm's ttx-api scope there is no audience").isFalse();
        api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + noAudience).exchange().expectStatus().isUnauthorized();
        String master = keycloak.adminToken(); // Keycloak's master realm: an issuer the backend does not trust
        api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + master).exchange().expectStatus().isUnauthorized();
    }

    private record Created(int status, String id) { }

    private Created create(String bearer) {
        var result = api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, bearer)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(ACHIEVEMENT).exchange().expectBody(JsonNode.class).returnResult();
        int status = result.getStatus().value();
        return new Created(status, status == 201 ? result.getResponseBody().get("id").asString() : null);
    }

    private int federationStatus(String bearer) {
        return status(raw.get().uri("/federation/v1/authorizations/{id}", "no-such-authorization").header(HttpHeaders.AUTHORIZATION, bearer));
    }

    private static int status(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectBody(String.class).returnResult().getStatus().value();
    }

    /** The dev IdP's demo client and its Keycloak twin get the same answer, the one expected. */
    private void sameDecision(String person, int expected, Function<String, Integer> call) {
        Map<String, Integer> got = new LinkedHashMap<>();
        got.put("dev IdP", call.apply(bearer(person)));
        got.put("Keycloak", call.apply(twins.get(person)));
        assertThat(got).as(person).containsExactlyInAnyOrderEntriesOf(Map.of("dev IdP", expected, "Keycloak", expected));
    }

    private void sameCaller(String demo, String twin) {
        JsonNode dev = me(bearer(demo));
        JsonNode kc = me(twin);
        for (String field : List.of("roles", "org", "region")) assertThat(kc.get(field)).as(demo + " " + field).isEqualTo(dev.get(field));
        assertThat(kc.get("subject").asString()).as("Keycloak's subject: its user id").matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    }

    private JsonNode me(String bearer) {
        return api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Every person not named gets {@code otherwise}. */
    private static Map<String, Integer> expect(int otherwise, Map<String, Integer> named) {
        Map<String, Integer> all = new LinkedHashMap<>();
        for (String person : PEOPLE) all.put(person, named.getOrDefault(person, otherwise));
        return all;
    }

    private static Map<String, List<String>> attributes(JsonNode claims) {
        Map<String, List<String>> a = new HashMap<>();
        a.put("org", List.of(claims.get("org").asString()));
        a.put("region", List.of(claims.get("region").asString()));
        if (claims.has("regions")) a.put("regions", claims.get("regions").valueStream().map(JsonNode::asString).toList());
        return a;
    }

    /** The payload of a JWT, unverified: what the dev IdP put in a demo client's token. */
    private static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static final String ACHIEVEMENT = """
        {
          "title": {"zh": "钒液流电池电解液再生方法", "en": "Regenerating the electrolyte of vanadium flow batteries"},
          "summary": {"zh": "在线恢复电解液价态平衡。", "en": "Restores the valence balance of the electrolyte online."},
          "problemSolved": "Capacity fades as the electrolyte drifts.", "advantages": "No shutdown.",
          "technicalIndicators": "Capacity back to 98 %", "applications": "Grid storage",
          "keywords": ["液流电池", "flow battery"], "field": "NEW_ENERGY", "region": "330100",
          "trl": 5, "stage": "PILOT", "form": "PATENT",
          "inventors": [{"name": "王明", "share": 100}],
          "contact": {"name": "张老师", "email": "tto@example.edu.cn", "phone": "+86-571-8888-0000"},
          "openLicence": false,
          "offer": {"transferModes": ["EXCLUSIVE_LICENCE"], "tradeMethod": "NEGOTIATED", "askingPrice": {"amount": "800000", "currency": "CNY"}}
        }""";
}
