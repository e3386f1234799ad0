package io.ttx.search;

import io.ttx.catalogue.DemandsIT;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/** Publishing achievements and demands through the API for search tests, with a made-up word to find them by. */
final class SearchSteps {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private SearchSteps() { }

    /** A word no demo record and no other test uses, so matching and suggestions can be asserted exactly. */
    static String nonce() {
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 6; i++) b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static ObjectNode texts(String zh, String en) {
        return JSON.createObjectNode().put("zh", zh).put("en", en);
    }

    static ArrayNode words(String... words) {
        ArrayNode a = JSON.createArrayNode();
        for (String w : words) a.add(w);
        return a;
    }

    /** A published achievement of the owner's organisation (created, submitted, approved by a broker). */
    static String publishAchievement(WebTestClient api, String owner, String broker, Consumer<ObjectNode> change) {
        ObjectNode body = io.ttx.catalogue.CatalogueTestSteps.body();
        ((ArrayNode) body.get("patents").get(0).get("coOwners")).removeAll();
        change.accept(body);
        String id = api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, owner).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(JSON.writeValueAsString(body)).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
            .getResponseBody().get("id").asString();
        api.post().uri("/api/v1/achievements/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isOk();
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, broker)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
        return id;
    }

    /** A published demand of the enterprise (submission publishes: review is off by default). */
    static String publishDemand(WebTestClient api, String enterprise, Consumer<ObjectNode> change) {
        ObjectNode body = DemandsIT.body();
        change.accept(body);
        String id = api.post().uri("/api/v1/demands").header(HttpHeaders.AUTHORIZATION, enterprise).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(JSON.writeValueAsString(body)).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
            .getResponseBody().get("id").asString();
        api.post().uri("/api/v1/demands/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, enterprise).exchange().expectStatus().isOk();
        return id;
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new java.util.ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asString()));
        return out;
    }
}
