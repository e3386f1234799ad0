package io.ttx.catalogue;

import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.stream.Stream;

import static io.ttx.catalogue.AchievementFixtures.VALID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks that once pinned an event-loop thread for minutes with a request of a few bytes: each gets a 4xx problem
 * within one second (the rules refuse them before anything is stored).
 */
class HostileInputIT extends IntegrationTest {

    static Stream<Arguments> attacks() {
        String share = "{\"name\": \"王明\", \"share\": 60.5}";
        return Stream.of(
            Arguments.of("share 1e500000000", VALID.replace(share, "{\"name\": \"王明\", \"share\": 1e500000000}"), "invalid-share"),
            Arguments.of("share 1e10000000", VALID.replace(share, "{\"name\": \"王明\", \"share\": 1e10000000}"), "invalid-share"),
            Arguments.of("share 1e-500000000", VALID.replace(share, "{\"name\": \"王明\", \"share\": 1e-500000000}"), "amount-scale"),
            Arguments.of("e-mail of 50,000 characters", VALID.replace("tto@example.edu.cn", "@" + "a".repeat(50_000)), "invalid-email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isRefusedWithinOneSecond(String attack, String body, String code) {
        assertThat(VALID).isNotEqualTo(body);
        // a harmless request first, so that the timing below is not the first request's (token, connections, JIT)
        api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID.replace("tto@example.edu.cn", "not-an-email")).exchange()
            .expectStatus().isEqualTo(422);
        long started = System.nanoTime();
        api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
            .expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo(code);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
