package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import com.mongodb.MongoTimeoutException;
import com.mongodb.reactivestreams.client.MongoClient;
import io.minio.BucketExistsArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.ttx.shared.web.Failures;
import io.ttx.testsupport.StallingServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each store client, as {@link StoreClients} builds it, gives up on a stalled server after its configured timeout
 * (not the client's default: connects have a lower bound to tell ours from the default) and fails with an error
 * that counts as a store outage (503). Without the timeout each of these waits minutes or forever.
 */
class StoreClientsTests {
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final SslBundles NO_BUNDLES = new DefaultSslBundleRegistry();
    private final StoreClients clients = new StoreClients();

    @Test
    void mongoGivesUpConnectingAndSelectingAServer() throws Exception {
        try (StallingServer stall = StallingServer.neverAccepting();
             MongoClient mongo = clients.mongoClient(stores(stall, Duration.ofMillis(300), SHORT, LONG), NO_BUNDLES)) {
            givesUpAfter(SHORT, Mono.from(mongo.getDatabase("t").runCommand(new Document("ping", 1))), e -> {
                assertThat(e).isInstanceOf(MongoTimeoutException.class);
                // the monitor's connects timed out (connect timeout) while selection waited (selection timeout)
                assertThat(e.getMessage()).contains("timed out after 300 ms");
            });
        }
    }

    @Test
    void elasticsearchGivesUpConnecting() throws Exception {
        Duration connect = Duration.ofSeconds(2); // longer than the client's default (1 s): proves ours applies
        try (StallingServer stall = StallingServer.neverAccepting();
             ElasticsearchAsyncClient es = clients.elasticsearchAsyncClient(stores(stall, connect, LONG, LONG), NO_BUNDLES)) {
            givesUpAfter(connect, Async.mono(() -> es.indices().exists(x -> x.index("probe"))), e -> { });
        }
    }

    @Test
    void elasticsearchGivesUpWaitingForAResponse() throws Exception {
        try (StallingServer stall = StallingServer.neverAnswering();
             ElasticsearchAsyncClient es = clients.elasticsearchAsyncClient(stores(stall, LONG, SHORT, LONG), NO_BUNDLES)) {
            givesUpAfter(SHORT, Async.mono(() -> es.indices().exists(x -> x.index("probe"))), e -> { });
        }
    }

    @Test
    void elasticsearchBackgroundWorkWaitsForItsOwnLongerTimeout() throws Exception {
        Duration background = Duration.ofSeconds(3); // longer than the request timeout: proves it replaces it
        try (StallingServer stall = StallingServer.neverAnswering()) {
            StoreProperties base = stores(stall, LONG, SHORT, LONG);
            StoreProperties.Elasticsearch es = base.elasticsearch();
            StoreProperties props = new StoreProperties(base.mongodb(), new StoreProperties.Elasticsearch(es.uris(), null, null, null,
                es.connectTimeout(), es.responseTimeout(), background, 30, 10, null), base.s3());
            try (BackgroundElasticsearch bulk = clients.backgroundElasticsearch(props, NO_BUNDLES)) {
                givesUpAfter(background, Async.mono(() -> bulk.client().indices().exists(x -> x.index("probe"))), e -> { });
            }
        }
    }

    @Test
    void s3GivesUpConnecting() throws Exception {
        try (StallingServer stall = StallingServer.neverAccepting();
             MinioAsyncClient s3 = s3(stores(stall, SHORT, LONG, LONG))) {
            givesUpAfter(SHORT, Async.mono(() -> s3.bucketExists(BucketExistsArgs.builder().bucket("probe").build())), e -> { });
        }
    }

    @Test
    void s3GivesUpWaitingForAResponse() throws Exception {
        try (StallingServer stall = StallingServer.neverAnswering();
             MinioAsyncClient s3 = s3(stores(stall, LONG, SHORT, LONG))) {
            givesUpAfter(SHORT, Async.mono(() -> s3.bucketExists(BucketExistsArgs.builder().bucket("probe").build())), e -> { });
        }
    }

    @Test
    void s3GivesUpWritingToAStoreThatStopsReading() throws Exception {
        int size = 16 * 1024 * 1024; // one part, more than the socket buffers hold
        try (StallingServer stall = StallingServer.neverReading();
             MinioAsyncClient s3 = s3(stores(stall, LONG, LONG, SHORT))) {
            givesUpAfter(SHORT, Async.mono(() -> s3.putObject(PutObjectArgs.builder().bucket("probe").object("o")
                .stream(new ByteArrayInputStream(new byte[size]), size, size).build())), e -> { });
        }
    }

    private MinioAsyncClient s3(StoreProperties props) {
        return clients.minioAsyncClient(clients.s3Clients(props, NO_BUNDLES), props);
    }

    /** One timeout for connects, one for waiting on an answer (MongoDB's server selection too), one for writes. */
    private static StoreProperties stores(StallingServer s, Duration connect, Duration wait, Duration write) {
        URI http = URI.create(s.url("http"));
        return new StoreProperties(new StoreProperties.Mongo(s.url("mongodb"), "t", wait, connect, wait, null, null, null, null, null),
            new StoreProperties.Elasticsearch(List.of(http), null, null, null, connect, wait, wait, 30, 10, null),
            new StoreProperties.S3(http, "access", "secret-key", "probe", "us-east-1", connect, wait, write, wait, 1, 0, null, null));
    }

    /**
     * Fails with a store outage, not before the timeout (so not a client default that is shorter) and before
     * StepVerifier's deadline, which stands for "never": it is well below every client's default (30 s, 5 min or
     * none). No tighter upper bound: the clock also runs while a first call loads classes and while MinIO hashes an
     * upload's body, which takes seconds on a busy two-core machine (StoreStallIT checks timeout + 1 s end to end).
     */
    private static void givesUpAfter(Duration timeout, Mono<?> call, Consumer<Throwable> more) {
        Duration took = StepVerifier.create(call).expectErrorSatisfies(e -> {
            assertThat(Failures.storeUnavailable(e)).as("a store outage: %s", e).isTrue();
            more.accept(e);
        }).verify(timeout.plusSeconds(20));
        assertThat(took).isGreaterThan(timeout.minusMillis(100));
    }
}
