package io.ttx.catalogue;

import io.ttx.documents.Pdfs;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Requests the revision tests make, against the real API with the dev IdP's tokens. */
final class RevisionSteps {
    private RevisionSteps() { }

    /** A word no other record uses, so that search results can be asserted exactly. */
    static String word() {
        StringBuilder b = new StringBuilder("zr");
        for (int i = 0; i < 7; i++) b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        return b.toString();
    }

    static JsonNode get(WebTestClient api, String bearer, String id) {
        return api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static WebTestClient.ResponseSpec patch(WebTestClient api, String bearer, String id, long version, String json) {
        return api.patch().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer)
            .header(HttpHeaders.IF_MATCH, "\"" + version + "\"").contentType(MediaType.valueOf("application/merge-patch+json"))
            .bodyValue(json).exchange();
    }

    static WebTestClient.ResponseSpec review(WebTestClient api, String bearer, String id, String decision) {
        return api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"" + decision + "\",\"note\":\"checked\"}").exchange();
    }

    /** Ids of the achievements a full-text search for {@code q} finds, as an enterprise. */
    static List<String> search(WebTestClient api, String bearer, String q) {
        JsonNode page = api.get().uri(u -> u.path("/api/v1/search/achievements").queryParam("q", q).build())
            .header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    static JsonNode uploadPdf(WebTestClient api, String bearer, String id, String text) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(Pdfs.withText(text)) {
            @Override
            public String getFilename() {
                return "brief.pdf";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        mb.part("confidentiality", "PUBLIC");
        return api.post().uri("/api/v1/achievements/{id}/documents", id).header(HttpHeaders.AUTHORIZATION, bearer)
            .body(BodyInserters.fromMultipartData(mb.build())).exchange().expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static List<String> documents(WebTestClient api, String bearer, String id) {
        JsonNode r = api.get().uri("/api/v1/achievements/{id}/documents", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return r.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }
}
