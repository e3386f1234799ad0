package io.ttx.shared.stores;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TcpProxy;
import io.ttx.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * Each engine is taken away in turn (its loopback proxy is cut) while the others stay up: health turns that
 * component DOWN and answers 503, API calls needing it answer 503 problem+json, calls that do not need it keep
 * working, and everything recovers when the engine is back.
 */
class StoreOutageIT extends IntegrationTest {

    /**
     * The actuator is outside the contract, hence {@code raw}, but with {@code api}'s patience: on a loaded two-core
     * machine, right after the test JVM started, a health report while a store was cut took more than {@code raw}'s
     * 5 s (the indicators' own timeouts are 3 s); a response timeout is an error that {@link #eventually} does not
     * retry, so the test failed instead of asking again.
     */
    private WebTestClient actuator() {
        return raw.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void restoreAll() {
        for (String s : new String[] {"mongo", "es", "s3"}) TestStack.proxy(s).restore();
    }

    @Test
    void healthReportsEveryStoreUp() {
        eventually(Duration.ofSeconds(30), () -> actuator().get().uri("/actuator/health").exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.components.mongo.status").isEqualTo("UP")
            .jsonPath("$.components.elasticsearch.status").isEqualTo("UP")
            .jsonPath("$.components.s3.status").isEqualTo("UP"));
        actuator().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        actuator().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @ParameterizedTest
    @CsvSource({"mongo,mongo", "es,elasticsearch", "s3,s3"})
    void anEngineOutageIsReportedAndSurvived(String store, String component) {
        TcpProxy proxy = TestStack.proxy(store);
        proxy.cut();

        eventually(Duration.ofSeconds(30), () -> actuator().get().uri("/actuator/health").exchange()
            .expectStatus().isEqualTo(503).expectBody()
            .jsonPath("$.status").isEqualTo("DOWN")
            .jsonPath("$.components." + component + ".status").isEqualTo("DOWN"));
        actuator().get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
        actuator().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        for (String other : new String[] {"mongo", "elasticsearch", "s3"}) {
            if (!other.equals(component)) {
                actuator().get().uri("/actuator/health").exchange().expectBody().jsonPath("$.components." + other + ".status").isEqualTo("UP");
            }
        }

        api.get().uri("/api/test/stores/{s}", store).header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
            .expectStatus().isEqualTo(503).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("service-unavailable")
            .jsonPath("$.detail").value(d -> org.assertj.core.api.Assertions.assertThat(d.toString())
                .doesNotContain("Exception").doesNotContain("127.0.0.1"));
        api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange().expectStatus().isOk();

        proxy.restore();
        eventually(Duration.ofSeconds(60), () -> actuator().get().uri("/actuator/health").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.components." + component + ".status").isEqualTo("UP"));
        eventually(Duration.ofSeconds(60), () -> api.get().uri("/api/test/stores/{s}", store)
            .header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange().expectStatus().isOk());
    }
}
