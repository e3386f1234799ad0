package io.ttx.shared.stores;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TcpProxy;
import io.ttx.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each engine in turn stalls (its loopback proxy becomes a black hole: connections accepted, nothing answered).
 * Only a client-side timeout can end a call to it: an API call needing that store answers 503 problem+json within
 * the store's configured timeout plus one second, {@code /api/v1/me} answers meanwhile, and the store works again
 * once the engine answers.
 */
class StoreStallIT extends IntegrationTest {
    private static final Duration MARGIN = Duration.ofSeconds(1);

    @Autowired
    StoreProperties stores;

    @AfterEach
    void restoreAll() {
        for (String s : new String[] {"mongo", "es", "s3"}) TestStack.proxy(s).restore();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo", "es", "s3"})
    void aStalledStoreCostsARequestItsTimeoutThenA503(String store) {
        String admin = bearer("admin");
        eventually(Duration.ofSeconds(60), () -> probe(store, admin).expectStatus().isOk());
        TcpProxy proxy = TestStack.proxy(store);
        proxy.blackHole();

        CompletableFuture<Duration> stalled = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime(); // from the request's start, whatever the load of the machine
            probe(store, admin).expectStatus().isEqualTo(503).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
            return Duration.ofNanos(System.nanoTime() - start);
        });
        EntityExchangeResult<byte[]> me = api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, admin).exchange()
            .expectStatus().isOk().expectBody().returnResult();
        assertThat(me.getResponseBody()).isNotEmpty();
        assertThat(stalled.join()).isLessThan(timeout(store).plus(MARGIN));

        proxy.restore();
        eventually(Duration.ofSeconds(60), () -> probe(store, admin).expectStatus().isOk());
    }

    /** The longest a call to the store may wait for an answer, as configured for the tests (IntegrationTest). */
    private Duration timeout(String store) {
        return switch (store) {
            case "mongo" -> stores.mongodb().readTimeout();
            case "es" -> stores.elasticsearch().responseTimeout();
            default -> stores.s3().readTimeout();
        };
    }

    private WebTestClient.ResponseSpec probe(String store, String auth) {
        return api.get().uri("/api/test/stores/{s}", store).header(HttpHeaders.AUTHORIZATION, auth).exchange();
    }
}
