package io.ttx.shared.web;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Netty refuses an over-long request line or oversized headers before Spring sees them; the answer is still a problem. */
class OversizedRequestsIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void aRequestLineOverTheLimitIs414Problem() throws Exception {
        String answer = RawHttp.exchange(port, "GET /api/v1/me?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost");
        assertThat(answer).startsWith("HTTP/1.1 414").contains("application/problem+json")
            .contains("\"code\":\"uri-too-long\"").contains("\"status\":414");
    }

    @Test
    void headersOverTheLimitAre431Problem() throws Exception {
        String answer = RawHttp.exchange(port, "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "b".repeat(20_000));
        assertThat(answer).startsWith("HTTP/1.1 431").contains("application/problem+json")
            .contains("\"code\":\"headers-too-large\"").contains("\"status\":431");
    }

    @Test
    void theServerStillAnswersAfterwards() throws Exception {
        RawHttp.exchange(port, "GET /api/v1/me?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost");
        api.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }
}
