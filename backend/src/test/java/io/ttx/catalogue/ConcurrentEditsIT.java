package io.ttx.catalogue;

import io.ttx.testsupport.ContractConformance;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static io.ttx.catalogue.AchievementFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimistic concurrency under real contention: many clients edit the same version at once, over their own
 * connections. The write is conditional on the version, so exactly one wins and every other edit is 412.
 */
class ConcurrentEditsIT extends IntegrationTest {
    private static final int EDITS = 50;

    @LocalServerPort
    int port;

    private record Outcome(int edit, int status, JsonNode body) { }

    @Test
    void fiftyEditsWithTheSameIfMatchHaveExactlyOneWinner() {
        // a draft: edits of a published achievement become a pending revision
        JsonNode created = AchievementFixtures.create(api, bearer("tto"), AchievementFixtures.body());
        String id = created.get("id").asString();
        long version = created.get("version").asLong();
        ConnectionProvider connections = ConnectionProvider.create("concurrent-edits", EDITS);
        try {
            WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).filter(new ContractConformance())
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections))).build();
            String bearer = bearer("tto");
            // all requests are subscribed at once, each on its own connection
            List<Outcome> outcomes = Flux.range(0, EDITS).flatMap(i -> client.patch().uri("/api/v1/achievements/{id}", id)
                    .header(HttpHeaders.AUTHORIZATION, bearer).header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                    .contentType(MediaType.valueOf("application/merge-patch+json")).bodyValue("{\"title\":{\"zh\":\"并发编辑 " + i + "\"}}")
                    .exchangeToMono(r -> r.bodyToMono(String.class).map(b -> new Outcome(i, r.statusCode().value(), JSON.readTree(b)))), EDITS)
                .collectList().block(Duration.ofSeconds(120));

            assertThat(outcomes).hasSize(EDITS);
            List<Outcome> won = outcomes.stream().filter(o -> o.status() == 200).toList();
            assertThat(won).as("edits answered 200").hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.status() != 200)
                .hasSize(EDITS - 1)
                .allSatisfy(o -> {
                    assertThat(o.status()).isEqualTo(412);
                    assertThat(o.body().get("code").asString()).isEqualTo("precondition-failed");
                });
            Outcome winner = won.getFirst();
            assertThat(winner.body().get("version").asLong()).isEqualTo(version + 1);

            JsonNode now = api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + (version + 1) + "\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(now.at("/title/zh").asString()).isEqualTo("并发编辑 " + winner.edit());
            assertThat(now.get("version").asLong()).isEqualTo(version + 1);
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(10));
        }
    }
}
