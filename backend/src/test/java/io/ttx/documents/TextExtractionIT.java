package io.ttx.documents;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static io.ttx.catalogue.CatalogueTestSteps.draft;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text extraction is bounded in time (5 s in tests), memory (a 128 MB extraction process) and output (20,000 characters
 * a document, 30 KB of UTF-8 a listing in tests): hostile documents end FAILED while the backend goes on, with no
 * thread of its own left parsing, and the search index never gets more than the listing's budget.
 */
class TextExtractionIT extends IntegrationTest {
    private static final String LINE = "Lithium battery state of health estimated from charge curves"; // 60 characters
    private static final byte[] LONG = Pdfs.pages(12, lines(60));

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ElasticsearchAsyncClient es;

    @Test
    void aDocumentThatNeverFinishesParsingEndsFailedAndNothingInTheBackendKeepsParsing() {
        String id = draft(api, bearer("tto"));
        String endless = upload(id, "endless.pdf", Pdfs.endless());
        eventually(Duration.ofSeconds(90), () -> assertThat(record(endless).getString("textStatus")).isEqualTo("FAILED"));
        api.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        eventually(Duration.ofSeconds(10), () -> assertThat(threadsParsing()).isZero());
        String next = upload(id, "next.pdf", DocumentsIT.PDF);
        eventually(Duration.ofSeconds(90), () -> assertThat(record(next).getString("text")).contains("Perovskite tandem cells"));
    }

    @Test
    void aDecompressionBombEndsFailedWithoutTouchingTheBackendsHeap() {
        String id = draft(api, bearer("tto"));
        String bomb = upload(id, "bomb.pdf", Pdfs.bomb()); // half a megabyte, one 512 MB string once inflated
        eventually(Duration.ofSeconds(90), () -> assertThat(record(bomb).getString("textStatus")).isEqualTo("FAILED"));
        assertThat(threadsParsing()).isZero();
        api.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void textIsCutPerDocumentAndTheIndexGetsAtMostTheListingsBudget() throws Exception {
        String id = draft(api, bearer("tto"));
        String first = upload(id, "first.pdf", LONG);
        String second = upload(id, "second.pdf", LONG);
        for (String doc : new String[] {first, second}) {
            eventually(Duration.ofSeconds(90), () -> assertThat(record(doc).getString("textStatus")).isEqualTo("EXTRACTED"));
            assertThat(record(doc).getString("text")).hasSize(20_000).startsWith(LINE);
        }
        api.post().uri("/api/v1/achievements/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange().expectStatus().isOk();
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer("broker"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
        eventually(Duration.ofSeconds(30), () -> {
            String indexed = indexedText(id);
            assertThat(indexed).startsWith(LINE); // the first document whole, the second cut: 30 KB in all
            assertThat(indexed.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(20_000).isLessThanOrEqualTo(30 * 1024);
        });
    }

    private String upload(String listing, String filename, byte[] pdf) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(pdf) { @Override public String getFilename() { return filename; } })
            .contentType(MediaType.APPLICATION_PDF);
        mb.part("confidentiality", "PUBLIC");
        return api.post().uri("/api/v1/achievements/{id}/documents", listing).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .body(BodyInserters.fromMultipartData(mb.build())).exchange().expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private Document record(String docId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(docId)), Document.class, "documents").block(Duration.ofSeconds(10));
    }

    @SuppressWarnings("rawtypes")
    private String indexedText(String id) {
        try {
            var hit = es.get(g -> g.index("achievements").id(id), Map.class).get();
            return hit.found() ? String.valueOf(hit.source().get("docText")) : "";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Threads of this JVM (the backend's) inside PDFBox or Tika parsers: extraction must happen elsewhere. */
    private static long threadsParsing() {
        return Thread.getAllStackTraces().values().stream().filter(stack -> Arrays.stream(stack)
            .anyMatch(f -> f.getClassName().startsWith("org.apache.pdfbox.") || f.getClassName().startsWith("org.apache.tika.parser"))).count();
    }

    private static String[] lines(int n) {
        String[] lines = new String[n];
        Arrays.fill(lines, LINE);
        return lines;
    }
}
