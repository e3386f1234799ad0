package io.ttx.documents;

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
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static io.ttx.catalogue.CatalogueTestSteps.draft;
import static io.ttx.catalogue.CatalogueTestSteps.published;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentsIT extends IntegrationTest {
    static final byte[] PDF = Pdfs.withText("Lithium battery state of health", "Perovskite tandem cells reach 29 percent");

    @Autowired
    ReactiveMongoTemplate mongo;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    io.ttx.documents.storage.ObjectStore objects;

    @Test
    void uploadsARealPdfAndServesIdenticalBytesThroughAnExpiringPresignedUrl() throws Exception {
        String id = draft(api, bearer("tto"));
        JsonNode doc = upload("tto", id, "brief.pdf", PDF, "PUBLIC").expectStatus().isCreated()
            .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/v1/documents/doc_"))
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(doc.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(doc.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(doc.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(doc.get("filename").asString()).isEqualTo("brief.pdf");

        URI url = contentUrl("tto", doc.get("id").asString());
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(PDF);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains("brief.pdf");
        eventually(Duration.ofSeconds(30), () -> {
            try {
                assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(403);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void typeComesFromTheBytesNotTheName() {
        String id = draft(api, bearer("tto"));
        byte[] html = "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>".getBytes();
        upload("tto", id, "innocent.pdf", html, "PUBLIC").expectStatus().isEqualTo(415)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("unsupported-document-type");
        assertThat(list("tto", id)).isEmpty();
        assertThat(objectsOf(id)).isEmpty();
        upload("tto", id, "notes.txt", "plain words".getBytes(), "PUBLIC").expectStatus().isCreated()
            .expectBody().jsonPath("$.contentType").isEqualTo("text/plain");
    }

    @Test
    void overTheLimitIs413FromContentLengthAndWhileStreaming() throws Exception {
        String id = draft(api, bearer("tto"));
        // announces 50 MB and sends 16 bytes: refused from the header alone, before any body is read
        String answer = io.ttx.testsupport.RawHttp.send(port, "POST /api/v1/achievements/" + id + "/documents HTTP/1.1\r\nHost: localhost"
            + "\r\nAuthorization: " + bearer("tto") + "\r\nContent-Type: multipart/form-data; boundary=xyz"
            + "\r\nContent-Length: " + (50L * 1024 * 1024), new byte[16]);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload("tto", id, "big.pdf", big, "PUBLIC").expectStatus().isEqualTo(413)
            .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");
        assertThat(list("tto", id)).isEmpty();
        eventually(Duration.ofSeconds(10), () -> assertThat(objectsOf(id)).isEmpty());
    }

    @Test
    void confidentialDocumentsAreHiddenFromEnterprisesWithoutAnNda() {
        String id = published(api, bearer("tto"), bearer("broker"));
        String pub = upload("tto", id, "public.pdf", PDF, "PUBLIC").expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        String secret = upload("tto", id, "secret.pdf", PDF, "CONFIDENTIAL").expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        // a public document added to a published listing is public once the listing's review approves it
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer("broker"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
        eventually(Duration.ofSeconds(10), () -> assertThat(list("enterprise", id)).containsExactly(pub));
        assertThat(list("tto-2", id)).containsExactly(pub);
        assertThat(list("broker-2", id)).containsExactlyInAnyOrder(pub, secret);
        assertThat(list("admin", id)).containsExactlyInAnyOrder(pub, secret);
        assertThat(list("tto", id)).containsExactlyInAnyOrder(pub, secret);
        api.get().uri("/api/v1/documents/{d}/content", secret).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange()
            .expectStatus().isNotFound();
        api.get().uri("/api/v1/documents/{d}/content", pub).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange()
            .expectStatus().isFound();
        api.get().uri("/api/v1/documents/{d}/content", secret).header(HttpHeaders.AUTHORIZATION, bearer("broker")).exchange()
            .expectStatus().isFound();
    }

    @Test
    void textOfPublicPdfsIsExtractedAndConfidentialOnesAreNeverRead() {
        String id = draft(api, bearer("tto"));
        String pub = upload("tto", id, "public.pdf", PDF, "PUBLIC").expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        String secret = upload("tto", id, "secret.pdf", PDF, "CONFIDENTIAL").expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        eventually(Duration.ofSeconds(30), () -> {
            Document d = record(pub);
            assertThat(d.getString("textStatus")).isEqualTo("EXTRACTED");
            assertThat(d.getString("text")).contains("Perovskite tandem cells reach 29 percent");
        });
        Document s = record(secret);
        assertThat(s.getString("textStatus")).isEqualTo("NOT_APPLICABLE");
        assertThat(s.get("text")).isNull();
    }

    @Test
    void onlyTheOwnerManagesDocuments() {
        String draftId = draft(api, bearer("tto"));
        upload("tto-2", draftId, "x.pdf", PDF, "PUBLIC").expectStatus().isNotFound();
        upload("enterprise", draftId, "x.pdf", PDF, "PUBLIC").expectStatus().isForbidden();
        String id = published(api, bearer("tto"), bearer("broker"));
        upload("tto-2", id, "x.pdf", PDF, "PUBLIC").expectStatus().isForbidden();
        upload("broker", id, "x.pdf", PDF, "PUBLIC").expectStatus().isForbidden();
        String doc = upload("tto", id, "x.pdf", PDF, "PUBLIC").expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        api.delete().uri("/api/v1/documents/{d}", doc).header(HttpHeaders.AUTHORIZATION, bearer("tto-2")).exchange().expectStatus().isForbidden();
        api.delete().uri("/api/v1/documents/{d}", doc).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange().expectStatus().isNoContent();
        assertThat(list("tto", id)).isEmpty();
        eventually(Duration.ofSeconds(10), () -> assertThat(objectsOf(id)).isEmpty());
        api.get().uri("/api/v1/documents/{d}/content", doc).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange().expectStatus().isNotFound();
    }

    @Test
    void missingPartsAre400AndLeaveNothingBehind() {
        String id = draft(api, bearer("tto"));
        MultipartBodyBuilder noLevel = new MultipartBodyBuilder();
        noLevel.part("file", new ByteArrayResource(PDF) { @Override public String getFilename() { return "a.pdf"; } }).contentType(MediaType.APPLICATION_PDF);
        api.post().uri("/api/v1/achievements/{id}/documents", id).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .body(BodyInserters.fromMultipartData(noLevel.build())).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("confidentiality");
        MultipartBodyBuilder noFile = new MultipartBodyBuilder();
        noFile.part("confidentiality", "PUBLIC");
        api.post().uri("/api/v1/achievements/{id}/documents", id).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .body(BodyInserters.fromMultipartData(noFile.build())).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        assertThat(list("tto", id)).isEmpty();
        eventually(Duration.ofSeconds(10), () -> assertThat(objectsOf(id)).isEmpty());
    }

    @Test
    void demandsCarryDocumentsForTheirEnterprise() {
        String demand = api.post().uri("/api/v1/demands").header(HttpHeaders.AUTHORIZATION, bearer("enterprise"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(io.ttx.catalogue.DemandsIT.body().toString()).exchange()
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        JsonNode doc = uploadTo("demands", "enterprise", demand, "spec.pdf", PDF, "CONFIDENTIAL").expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(doc.get("demandId").asString()).isEqualTo(demand);
        assertThat(doc.has("achievementId")).isFalse();
        uploadTo("demands", "enterprise-2", demand, "x.pdf", PDF, "PUBLIC").expectStatus().isNotFound();
        uploadTo("demands", "tto", demand, "x.pdf", PDF, "PUBLIC").expectStatus().isForbidden();
        api.get().uri("/api/v1/demands/{id}/documents", demand).header(HttpHeaders.AUTHORIZATION, bearer("broker")).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(doc.get("id").asString());
        contentUrl("enterprise", doc.get("id").asString());
    }

    WebTestClient.ResponseSpec upload(String client, String achievementId, String filename, byte[] bytes, String confidentiality) {
        return uploadTo("achievements", client, achievementId, filename, bytes, confidentiality);
    }

    WebTestClient.ResponseSpec uploadTo(String kind, String client, String listingId, String filename, byte[] bytes, String confidentiality) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) { @Override public String getFilename() { return filename; } })
            .contentType(MediaType.APPLICATION_OCTET_STREAM);
        mb.part("confidentiality", confidentiality);
        return api.post().uri("/api/v1/{kind}/{id}/documents", kind, listingId).header(HttpHeaders.AUTHORIZATION, bearer(client))
            .body(BodyInserters.fromMultipartData(mb.build())).exchange();
    }

    List<String> list(String client, String achievementId) {
        JsonNode r = api.get().uri("/api/v1/achievements/{id}/documents", achievementId).header(HttpHeaders.AUTHORIZATION, bearer(client))
            .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return r.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    URI contentUrl(String client, String docId) {
        return api.get().uri("/api/v1/documents/{d}/content", docId).header(HttpHeaders.AUTHORIZATION, bearer(client)).exchange()
            .expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .returnResult(Void.class).getResponseHeaders().getLocation();
    }

    List<String> objectsOf(String achievementId) {
        return objects.list("achievements/" + achievementId + "/").map(java.util.Map.Entry::getKey).collectList().block(Duration.ofSeconds(20));
    }

    Document record(String docId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(docId)), Document.class, "documents").block(Duration.ofSeconds(10));
    }
}
