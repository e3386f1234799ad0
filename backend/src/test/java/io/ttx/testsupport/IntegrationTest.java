package io.ttx.testsupport;

import io.ttx.TtxApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.blockhound.BlockHound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Base of every integration test: one shared Spring context (same configuration everywhere, so it is built once
 * per JVM) wired to the real servers of {@link TestStack}, each reached through its {@link TcpProxy}.
 * {@link #api} checks every response against the OpenAPI contract. BlockHound watches the whole JVM: a blocking call
 * on an event loop fails the test that caused it ({@link EventLoopBlockHound}, docs/decisions.md).
 */
@SpringBootTest(classes = TtxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(TestBeans.class)
public abstract class IntegrationTest {
    static {
        BlockHound.install(); // once per JVM (later calls do nothing); loads EventLoopBlockHound through META-INF/services
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        TestStack.Endpoints s = TestStack.get();
        r.add("ttx.stores.mongodb.uri", () -> TestStack.viaProxy("mongo", "mongodb"));
        r.add("ttx.stores.mongodb.database", () -> "ttx-it");
        r.add("ttx.vouchers.expiry-sweep-interval", () -> "500ms");
        r.add("ttx.vouchers.recovery-interval", () -> "500ms");
        // peer platforms: one hosting 440000 played by WireMock (TestPeer), and a second TTX process hosting 370000
        // (SecondPlatform, started by the tests that need it); short timeouts and circuit so tests cross them
        r.add("ttx.vouchers.peers[0].name", () -> "guangdong");
        r.add("ttx.vouchers.peers[0].regions[0]", () -> "440000");
        r.add("ttx.vouchers.peers[0].base-url", TestPeer::url);
        r.add("ttx.vouchers.peers[0].token-uri", () -> TestPeer.url() + "/oauth2/token");
        r.add("ttx.vouchers.peers[0].client-id", () -> "ttx-test");
        r.add("ttx.vouchers.peers[0].client-secret", () -> "ttx-test-secret");
        r.add("ttx.vouchers.peers[1].name", () -> "shandong");
        r.add("ttx.vouchers.peers[1].regions[0]", () -> "370000");
        r.add("ttx.vouchers.peers[1].base-url", SecondPlatform::url);
        r.add("ttx.vouchers.peers[1].token-uri", () -> s.idp() + "/oauth2/token");
        r.add("ttx.vouchers.peers[1].client-id", () -> "peer-yrd");
        r.add("ttx.vouchers.peers[1].client-secret", () -> "peer-yrd-secret");
        for (String timing : SecondPlatform.federationTimings()) {
            r.add(timing.substring(0, timing.indexOf('=')), () -> timing.substring(timing.indexOf('=') + 1));
        }
        r.add("ttx.stores.mongodb.server-selection-timeout", () -> "2s");
        // short waits on a stalled store keep StoreStallIT fast; Elasticsearch keeps the production 10 s: the dev node
        // (C1 only, small heap) pauses for seconds in GC on a busy machine
        r.add("ttx.stores.mongodb.read-timeout", () -> "3s");
        r.add("ttx.stores.elasticsearch.response-timeout", () -> "10s");
        r.add("ttx.stores.s3.read-timeout", () -> "3s");
        r.add("ttx.stores.s3.write-timeout", () -> "3s");
        r.add("ttx.stores.elasticsearch.uris", () -> TestStack.viaProxy("es", "http"));
        r.add("ttx.stores.s3.endpoint", () -> TestStack.viaProxy("s3", "http"));
        r.add("ttx.stores.s3.access-key", s::s3AccessKey);
        r.add("ttx.stores.s3.secret-key", s::s3SecretKey);
        r.add("ttx.identity.issuer-uri", s::idp);
        // Keycloak is trusted too (KeycloakIT): its port is fixed now, the server starts only for the tests that need it
        r.add("ttx.identity.issuers", Keycloak::issuer);
        // tests move the shared clock a year ahead for a few seconds; a periodic expiry sweep in that window would expire
        // every record of the shared catalogue (the demo catalogue the recall test ranks included), so it stays off
        r.add("ttx.catalogue.expiry-sweep-interval", () -> "3650d");
        // the idle-deal sweep runs often so that tests which move the clock past ttx.brokerage.idle-days see it soon
        r.add("ttx.brokerage.idle-sweep-interval", () -> "500ms");
        // small limits so that tests can cross them cheaply
        r.add("ttx.documents.max-size", () -> "2MB");
        r.add("ttx.documents.presign-ttl", () -> "3s");
        // a stalled body is cut quickly; the clock runs only while the server waits for bytes, so no other test notices
        r.add("ttx.web.read-idle-timeout", () -> "3s");
        // text extraction bounds small enough to cross with generated PDFs (a warm worker parses a test PDF in well under 1 s)
        r.add("ttx.documents.extraction-timeout", () -> "5s");
        r.add("ttx.documents.extraction-heap", () -> "128MB");
        r.add("ttx.documents.text-limit", () -> "20000");
        r.add("ttx.documents.listing-text-limit", () -> "30KB");
        r.add("ttx.alerts.max-saved-searches-per-user", () -> "5");
        // a deal room's bounds, small enough to reach in a test (DealRoomIT)
        r.add("ttx.brokerage.room-documents", () -> "4");
        r.add("ttx.brokerage.room-messages", () -> "30");
        // WireMock listens on loopback (plain http): allowed by the test setting only; retries fast
        r.add("ttx.alerts.webhooks.allow-private-targets", () -> "true");
        // webhooks stay https-only in tests: WireMock serves a self-signed certificate for 127.0.0.1 that this bundle trusts
        r.add("spring.ssl.bundle.jks.webhooks-test.truststore.location", () -> "classpath:tls/webhooks-test.p12");
        r.add("spring.ssl.bundle.jks.webhooks-test.truststore.password", () -> "changeit");
        r.add("spring.ssl.bundle.jks.webhooks-test.truststore.type", () -> "PKCS12");
        r.add("ttx.alerts.webhooks.ssl-bundle", () -> "webhooks-test");
        r.add("ttx.alerts.webhooks.backoff", () -> "200ms");
        r.add("ttx.alerts.webhooks.max-attempts", () -> "3");
        r.add("ttx.alerts.webhooks.sweep-interval", () -> "200ms");
        r.add("ttx.alerts.webhooks.read-timeout", () -> "3s");
    }

    @Autowired
    protected WebTestClient raw;

    /** The client tests use: long enough timeouts for two cores, and the contract check on every response. */
    protected WebTestClient api;

    @BeforeEach
    void contractCheckedClient() {
        OpenApiContract.federation();
        OpenApiContract.get(); // read here, on the test thread: not lazily on the client's event loop (a file read there blocks)
        api = raw.mutate().filter(new ContractConformance()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * Fails the test when BlockHound stopped a blocking call while it ran, even if the error it threw was swallowed
     * on the way (a Netty handler logs it and goes on; a request might still answer).
     */
    @AfterEach
    void noBlockingCallOnANonBlockingThread() {
        List<EventLoopBlockHound.Detection> found = EventLoopBlockHound.drain();
        if (found.isEmpty()) return;
        AssertionError failure = new AssertionError("BlockHound stopped " + found.size() + " blocking call(s) on non-blocking threads: "
            + found + " (stack traces below; allowances in docs/decisions.md)");
        found.forEach(d -> failure.addSuppressed(d.error()));
        throw failure;
    }

    protected static String bearer(String clientId) {
        return "Bearer " + Tokens.of(clientId);
    }

    /** Polls until the check passes or the deadline ends (no sleeps as synchronisation). */
    protected static void eventually(Duration deadline, Runnable check) {
        Poll.until(Instant.now().plus(deadline), () -> {
            check.run();
            return true;
        });
    }
}
