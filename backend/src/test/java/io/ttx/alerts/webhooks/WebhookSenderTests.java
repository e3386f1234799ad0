package io.ttx.alerts.webhooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The sender against a local WireMock: statuses, redirects, timeouts, and the connected-address check. */
class WebhookSenderTests {
    private static WireMockServer server;
    private final byte[] body = "{\"id\":\"whd_1\"}".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(202)));
        server.stubFor(post(urlEqualTo("/moved")).willReturn(aResponse().withStatus(302).withHeader("Location", server.baseUrl() + "/ok")));
        server.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static WebhookSender sender(boolean allowPrivate) {
        return new WebhookSender(WebClient.builder(), Duration.ofSeconds(5), Duration.ofSeconds(10), allowPrivate, null);
    }

    @Test
    void answersTheStatusAndDoesNotFollowRedirects() {
        StepVerifier.create(sender(true).post(URI.create(server.baseUrl() + "/ok"), body, Map.of("TTX-Delivery", "whd_1")))
            .expectNext(202).verifyComplete();
        StepVerifier.create(sender(true).post(URI.create(server.baseUrl() + "/moved"), body, Map.of())).expectNext(302).verifyComplete();
        assertThat(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/ok")))).hasSize(1);
    }

    @Test
    void aSlowEndpointTimesOut() {
        WebhookSender impatient = new WebhookSender(WebClient.builder(), Duration.ofSeconds(5), Duration.ofMillis(500), true, null);
        StepVerifier.create(impatient.post(URI.create(server.baseUrl() + "/slow"), body, Map.of()))
            .expectErrorSatisfies(e -> assertThat(WebhookDeliveries.transportFailure(e)).isEqualTo("no response in time"))
            .verify(Duration.ofSeconds(10));
    }

    @Test
    void aConnectionToANonPublicAddressIsClosedBeforeTheRequestIsSent() {
        server.resetRequests();
        StepVerifier.create(sender(false).post(URI.create(server.baseUrl() + "/ok"), body, Map.of()))
            .expectErrorSatisfies(e -> assertThat(WebhookDeliveries.transportFailure(e)).isEqualTo("target address refused"))
            .verify(Duration.ofSeconds(10));
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
