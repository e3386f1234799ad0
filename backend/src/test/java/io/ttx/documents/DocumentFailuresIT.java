package io.ttx.documents;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import io.ttx.testsupport.TcpProxy;
import io.ttx.testsupport.TestStack;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.ttx.shared.stores.StoreProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;

import static io.ttx.catalogue.CatalogueTestSteps.draft;
import static org.assertj.core.api.Assertions.assertThat;

/** No orphans: injected storage and database failures leave neither an object without metadata nor the reverse. */
class DocumentFailuresIT extends IntegrationTest {
    @Autowired
    io.ttx.documents.storage.ObjectStore objects;
    @Autowired
    OrphanSweep sweep;
    @Autowired
    MutableClock clock;
    @Autowired
    MinioAsyncClient s3;
    @Autowired
    StoreProperties stores;

    @AfterEach
    void restore() {
        clock.reset();
        for (String s : new String[] {"mongo", "es", "s3"}) TestStack.proxy(s).restore();
    }

    @Test
    void storageDownMeans503AndNoMetadata() {
        String id = draft(api, bearer("tto"));
        TestStack.proxy("s3").cut();
        upload(id).expectStatus().isEqualTo(503).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
        TestStack.proxy("s3").restore();
        assertThat(listed(id)).isEmpty();
        eventually(Duration.ofSeconds(20), () -> assertThat(objectsOf(id)).isEmpty());
    }

    @Test
    void databaseFailingAfterTheObjectWasStoredRemovesTheObject() {
        String id = draft(api, bearer("tto"));
        TcpProxy s3Proxy = TestStack.proxy("s3");
        TcpProxy mongoProxy = TestStack.proxy("mongo");
        // the object PUT comes after every database check: MongoDB goes down just before it, so only the metadata write fails
        s3Proxy.onceBefore("PUT ", mongoProxy::cut);
        upload(id).expectStatus().isEqualTo(503).expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
        mongoProxy.restore();
        eventually(Duration.ofSeconds(30), () -> assertThat(objectsOf(id)).isEmpty());
        eventually(Duration.ofSeconds(30), () -> assertThat(listed(id)).isEmpty());
    }

    @Test
    void theSweepRemovesOldObjectsWithoutMetadataAndKeepsYoungOnes() throws Exception {
        String key = "achievements/ach_orphan" + System.nanoTime() + "/doc_x";
        byte[] bytes = "left behind by a crash".getBytes();
        s3.putObject(PutObjectArgs.builder().bucket(stores.s3().bucket()).object(key)
            .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build()).get();
        sweep.sweepOnce().block(Duration.ofSeconds(30));
        assertThat(objects.list(key).collectList().block(Duration.ofSeconds(10))).hasSize(1); // too young: its upload may be registering
        String kept = draft(api, bearer("tto"));
        upload(kept).expectStatus().isCreated();
        clock.advance(Duration.ofHours(2));
        assertThat(sweep.sweepOnce().block(Duration.ofSeconds(30))).isPositive();
        assertThat(objects.list(key).collectList().block(Duration.ofSeconds(10))).isEmpty();
        assertThat(objectsOf(kept)).hasSize(1); // has metadata: never an orphan
    }

    private WebTestClient.ResponseSpec upload(String achievementId) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("confidentiality", "PUBLIC");
        mb.part("file", new ByteArrayResource(DocumentsIT.PDF) { @Override public String getFilename() { return "brief.pdf"; } })
            .contentType(MediaType.APPLICATION_PDF);
        return raw.mutate().responseTimeout(Duration.ofSeconds(60)).build()
            .post().uri("/api/v1/achievements/{id}/documents", achievementId).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .body(BodyInserters.fromMultipartData(mb.build())).exchange();
    }

    private List<String> objectsOf(String achievementId) {
        return objects.list("achievements/" + achievementId + "/").map(java.util.Map.Entry::getKey).collectList().block(Duration.ofSeconds(20));
    }

    private List<String> listed(String achievementId) {
        return api.get().uri("/api/v1/achievements/{id}/documents", achievementId).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .exchange().expectStatus().isOk().expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody()
            .get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }
}
