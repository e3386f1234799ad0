package io.ttx.documents;

import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.catalogue.DemandsIT;
import io.ttx.documents.storage.ObjectStore;
import io.ttx.testsupport.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting leaves nothing behind: a deleted document's text leaves the search index (through the outbox), and a
 * deleted draft takes its documents' records and objects with it. The records are checked in the raw collection,
 * whatever their state, so a record only marked deleted still counts until it is really gone.
 */
class DocumentDeletionIT extends IntegrationTest {
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ObjectStore objects;

    @Test
    void aDeletedDocumentsTextLeavesTheSearchIndexWithinThreeSeconds() {
        String word = word();
        String id = CatalogueTestSteps.draft(api, bearer("tto"));
        String doc = upload("achievements", "tto", id, Pdfs.withText("Field trial brief " + word), "PUBLIC");
        api.post().uri("/api/v1/achievements/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange().expectStatus().isOk();
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer("broker"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
        eventually(Duration.ofSeconds(30), () -> assertThat(search(word)).containsExactly(id));

        api.delete().uri("/api/v1/documents/{d}", doc).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange().expectStatus().isNoContent();
        eventually(Duration.ofSeconds(3), () -> assertThat(search(word)).isEmpty());
        // the record was kept only until its event was delivered
        eventually(Duration.ofSeconds(20), () -> assertThat(records(id)).isEmpty());
        assertThat(objectsUnder("achievements", id)).isEmpty();
    }

    @Test
    void deletingADraftAchievementRemovesItsDocumentsAndTheirObjects() {
        String id = CatalogueTestSteps.draft(api, bearer("tto"));
        deletingTheDraftRemovesEverything("achievements", "tto", id);
    }

    @Test
    void deletingADraftDemandRemovesItsDocumentsAndTheirObjects() {
        String id = api.post().uri("/api/v1/demands").header(HttpHeaders.AUTHORIZATION, bearer("enterprise"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(DemandsIT.body().toString()).exchange()
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        deletingTheDraftRemovesEverything("demands", "enterprise", id);
    }

    private void deletingTheDraftRemovesEverything(String kind, String owner, String id) {
        upload(kind, owner, id, Pdfs.withText("Public brief"), "PUBLIC");
        upload(kind, owner, id, Pdfs.withText("Confidential terms"), "CONFIDENTIAL");
        assertThat(records(id)).hasSize(2);
        assertThat(objectsUnder(kind, id)).hasSize(2);
        String etag = api.get().uri("/api/v1/{kind}/{id}", kind, id).header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
            .expectStatus().isOk().returnResult(Void.class).getResponseHeaders().getETag();
        api.delete().uri("/api/v1/{kind}/{id}", kind, id).header(HttpHeaders.AUTHORIZATION, bearer(owner)).header(HttpHeaders.IF_MATCH, etag)
            .exchange().expectStatus().isNoContent();
        api.get().uri("/api/v1/{kind}/{id}", kind, id).header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange().expectStatus().isNotFound();
        eventually(Duration.ofSeconds(20), () -> {
            assertThat(records(id)).isEmpty();
            assertThat(objectsUnder(kind, id)).isEmpty();
            // the listing itself too, once its deletion event was delivered
            assertThat(mongo.findById(id, Document.class, kind).blockOptional(Duration.ofSeconds(10))).isEmpty();
        });
    }

    private String upload(String kind, String owner, String listingId, byte[] pdf, String confidentiality) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(pdf) { @Override public String getFilename() { return "brief.pdf"; } })
            .contentType(MediaType.APPLICATION_OCTET_STREAM);
        mb.part("confidentiality", confidentiality);
        return api.post().uri("/api/v1/{kind}/{id}/documents", kind, listingId).header(HttpHeaders.AUTHORIZATION, bearer(owner))
            .body(BodyInserters.fromMultipartData(mb.build())).exchange().expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private List<String> search(String q) {
        JsonNode page = api.get().uri(u -> u.path("/api/v1/search/achievements").queryParam("q", q).build())
            .header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    /** Every document record of a listing in the collection, deleted or not. */
    private List<Document> records(String listingId) {
        return mongo.find(Query.query(Criteria.where("listingId").is(listingId)), Document.class, "documents")
            .collectList().block(Duration.ofSeconds(10));
    }

    private List<String> objectsUnder(String kind, String listingId) {
        return objects.list(kind + "/" + listingId + "/").map(Map.Entry::getKey).collectList().block(Duration.ofSeconds(20));
    }

    /** A word no other record uses, so that search results can be asserted exactly. */
    private static String word() {
        StringBuilder b = new StringBuilder("zd");
        for (int i = 0; i < 7; i++) b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        return b.toString();
    }
}
