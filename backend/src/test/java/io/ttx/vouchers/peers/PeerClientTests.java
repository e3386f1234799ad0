package io.ttx.vouchers.peers;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A peer whose token endpoint fails: no protocol call is made, and the failure is the peer's unavailability, in bounded time. */
class PeerClientTests {
    WireMockServer peer;
    PeerClient client;

    @BeforeEach
    void peer() {
        peer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        peer.start();
        PeerProperties props = new PeerProperties(Duration.ofMillis(200), Duration.ofMillis(500), 1, Duration.ofMillis(20), Duration.ofSeconds(5),
            Duration.ofSeconds(5));
        String url = "http://127.0.0.1:" + peer.port();
        client = new PeerClient(new PeerProperties.Peer("guangdong", List.of("440000"), URI.create(url), URI.create(url + "/oauth2/token"),
            "ttx-test", "ttx-test-secret"), props, WebClient.builder());
    }

    @AfterEach
    void stop() {
        peer.stop();
    }

    Throwable authorize() {
        return catchThrowable(() -> client.authorize(Map.of("voucherId", "v")).block(Duration.ofSeconds(10)));
    }

    @Test
    void aRefusedTokenIsAnUnreachedPeerAndNoRequestIsSent() {
        peer.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"invalid_client\"}")));
        Throwable t = authorize();
        assertThat(t).isInstanceOf(PeerCalls.Unavailable.class).hasMessageContaining("invalid_client");
        assertThat(((PeerCalls.Unavailable) t).reached()).as("nothing can have been authorized without a token").isFalse();
        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/federation/v1/authorizations")))).isEmpty();
    }

    @Test
    void aSilentTokenEndpointTimesOutLikeTheProtocolsCalls() {
        peer.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}").withFixedDelay(30_000)));
        long start = System.nanoTime();
        Throwable t = authorize();
        assertThat(t).isInstanceOf(PeerCalls.Unavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("two attempts of 500 ms, not the endpoint's 30 s").isLessThan(Duration.ofSeconds(5));
        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/federation/v1/authorizations")))).isEmpty();
    }
}
