package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import com.mongodb.reactivestreams.client.MongoClient;
import io.minio.BucketExistsArgs;
import io.minio.MinioAsyncClient;
import io.ttx.testsupport.TlsServer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each store client trusts the certificates of the SSL bundle its settings name (a cluster's own CA), and without it
 * only the JVM's trust store: against a server with a certificate of its own, a handshake completes only with the
 * bundle. (The server never answers, so every call ends in an error either way; the handshakes tell them apart.)
 */
class StoreTlsTests {
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final List<Boolean> HANDSHAKE_WITH_BUNDLE_ONLY = List.of(false, true);
    private static final DefaultSslBundleRegistry BUNDLES = new DefaultSslBundleRegistry();
    private static TlsServer server;
    private final StoreClients clients = new StoreClients();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        server = new TlsServer(dir);
        BUNDLES.registerBundle("store-ca", SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(server.certificate()))));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void mongoTrustsTheBundle() throws Exception {
        assertThat(handshakesOf(bundle -> {
            try (MongoClient mongo = clients.mongoClient(stores(bundle), BUNDLES)) {
                fails(Mono.from(mongo.getDatabase("t").runCommand(new Document("ping", 1))));
            }
        })).isEqualTo(HANDSHAKE_WITH_BUNDLE_ONLY);
    }

    @Test
    void elasticsearchTrustsTheBundle() throws Exception {
        assertThat(handshakesOf(bundle -> {
            try (ElasticsearchAsyncClient es = clients.elasticsearchAsyncClient(stores(bundle), BUNDLES)) {
                fails(Async.mono(() -> es.indices().exists(x -> x.index("probe"))));
            }
        })).isEqualTo(HANDSHAKE_WITH_BUNDLE_ONLY);
    }

    @Test
    void s3TrustsTheBundle() throws Exception {
        assertThat(handshakesOf(bundle -> {
            StoreProperties props = stores(bundle);
            try (MinioAsyncClient s3 = clients.minioAsyncClient(clients.s3Clients(props, BUNDLES), props)) {
                fails(Async.mono(() -> s3.bucketExists(BucketExistsArgs.builder().bucket("probe").build())));
            }
        })).isEqualTo(HANDSHAKE_WITH_BUNDLE_ONLY);
    }

    /** Whether a handshake completed for a client without the bundle, then for one with it. */
    private static List<Boolean> handshakesOf(Client client) throws Exception {
        int before = server.handshakes();
        client.call(null);
        boolean without = server.handshakes() > before;
        before = server.handshakes();
        client.call("store-ca");
        return List.of(without, server.handshakes() > before);
    }

    private static void fails(Mono<?> call) {
        StepVerifier.create(call).expectError().verify(Duration.ofSeconds(30));
    }

    private static StoreProperties stores(@Nullable String bundle) {
        URI https = URI.create(server.url("https"));
        return new StoreProperties(
            new StoreProperties.Mongo(server.url("mongodb") + "/?tls=true", "t", WAIT, WAIT, WAIT, null, null, null, null, bundle),
            new StoreProperties.Elasticsearch(List.of(https), null, null, null, WAIT, WAIT, WAIT, 30, 10, bundle),
            new StoreProperties.S3(https, "access", "secret-key", "probe", "us-east-1", WAIT, WAIT, WAIT, WAIT, 1, 0, true, bundle));
    }

    @FunctionalInterface
    private interface Client {
        void call(@Nullable String bundle) throws Exception;
    }
}
