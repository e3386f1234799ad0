package io.ttx.alerts;

import io.ttx.catalogue.CatalogueTestSteps;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/** API steps shared by the alerts integration tests. */
final class AlertSteps {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private AlertSteps() { }

    /** Creates, submits and approves an achievement of the owner's organisation; returns its id. */
    static String publish(WebTestClient api, String ownerBearer, String brokerBearer, Consumer<ObjectNode> change) {
        ObjectNode body = CatalogueTestSteps.body();
        ((ArrayNode) body.get("patents").get(0).get("coOwners")).removeAll();
        change.accept(body);
        JsonNode created = api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, ownerBearer)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body)).exchange()
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = created.get("id").asString();
        api.post().uri("/api/v1/achievements/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, ownerBearer).exchange().expectStatus().isOk();
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, brokerBearer)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
        return id;
    }

    /** POSTs a saved search and expects 201; returns the answer. */
    static JsonNode save(WebTestClient api, String bearer, String json) {
        return api.post().uri("/api/v1/saved-searches").header(HttpHeaders.AUTHORIZATION, bearer)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static JsonNode notifications(WebTestClient api, String bearer) {
        return api.get().uri("/api/v1/notifications?size=100").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static JsonNode deliveries(WebTestClient api, String bearer, String savedSearchId) {
        return api.get().uri("/api/v1/saved-searches/{id}/deliveries", savedSearchId).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static void delete(WebTestClient api, String bearer, String savedSearchId) {
        api.delete().uri("/api/v1/saved-searches/{id}", savedSearchId).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isNoContent();
    }
}
