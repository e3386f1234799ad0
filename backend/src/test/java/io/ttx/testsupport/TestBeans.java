package io.ttx.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;

/**
 * Beans every integration test shares (part of the one context): a movable clock, recording event consumers, of
 * achievement events (the primary one) and of deal events ({@code dealEventsRecorded}), and the test client's own
 * connection pool.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    @Primary
    RecordingConsumer recordingConsumer() {
        return new RecordingConsumer();
    }

    /**
     * The test client drops a pooled connection after 20 s idle: the server closes a connection idle for
     * {@code server.netty.idle-timeout} (60 s), and the shared pool's default (no idle limit, oldest first) could hand
     * a test a connection idle that long after a long setup (KeycloakIT's Keycloak start), so its request met the
     * server's close halfway: a reset on the client, "PrematureChannelClosure" on the server. Still oldest first: with
     * newest first (LIFO) three unrelated ITs hung for 30 s in one CI run (not analysed).
     */
    @Bean
    WebTestClientBuilderCustomizer keepAliveBelowTheServersIdleTimeout() {
        ConnectionProvider pool = ConnectionProvider.builder("integration-tests").maxIdleTime(Duration.ofSeconds(20))
            .evictInBackground(Duration.ofSeconds(10)).build();
        return builder -> builder.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)));
    }

    @Bean
    RecordingConsumer dealEventsRecorded() {
        return new RecordingConsumer("test-recording-deals", "deal");
    }
}
