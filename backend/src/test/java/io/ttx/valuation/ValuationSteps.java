package io.ttx.valuation;

import io.ttx.testsupport.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small steps over the valuation API shared by the valuation integration tests. */
final class ValuationSteps {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** One quick method: the incomeDcf worked example. */
    static final String DCF = """
        {"methods": {"incomeDcf": {"discountRate": "0.12", "cashFlows": ["1000000", "1500000", "2000000", "2000000", "1800000"]}}}""";
    static final String SCORES = """
        {"scores": {"scientific": 80, "technical": 77, "economic": 70, "social": 60, "cultural": 50, "transferPotential": 85},
         "rationale": {"technical": "pilot line runs at 95 % yield", "social": "<b>jobs</b> & skills"}}""";
    private static final Map<String, String> sameOrg = new ConcurrentHashMap<>();

    private ValuationSteps() { }

    static String bearer(String client) {
        return "Bearer " + Tokens.of(client);
    }

    /**
     * A token of the given role in the same organisation as the demo client "tto" (the demo researcher belongs to
     * another organisation), so the owner organisation's researcher can be tested.
     */
    static String ownerColleague(WebTestClient api, String role) {
        return sameOrg.computeIfAbsent(role, r -> {
            JsonNode me = api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            return "Bearer " + Tokens.custom(r + "-colleague", List.of(r), me.get("org").asString(), me.get("region").asString());
        });
    }

    static WebTestClient.ResponseSpec call(WebTestClient api, HttpMethod method, String bearer, String path, String json) {
        var spec = api.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, bearer);
        return json == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    static JsonNode value(WebTestClient api, String bearer, String achievementId, String json) {
        return call(api, HttpMethod.POST, bearer, "/api/v1/achievements/" + achievementId + "/valuations", json)
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static JsonNode get(WebTestClient api, String bearer, String path) {
        return call(api, HttpMethod.GET, bearer, path, null).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
            .getResponseBody();
    }

    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
