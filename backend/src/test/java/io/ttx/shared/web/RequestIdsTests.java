package io.ttx.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.handler.ExceptionHandlingWebHandler;
import org.springframework.web.server.handler.ResponseStatusExceptionHandler;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response carries the request's id: the caller's when it is a plain token, a new one otherwise. */
class RequestIdsTests {
    /** The failing route resets the response's headers before it fails, as an error handler may. */
    private final WebTestClient client = WebTestClient.bindToWebHandler(new ExceptionHandlingWebHandler(exchange -> {
            exchange.getResponse().getHeaders().set("X-Seen-Id", RequestIds.of(exchange));
            if (!exchange.getRequest().getPath().value().equals("/fails")) return exchange.getResponse().setComplete();
            exchange.getResponse().getHeaders().clear();
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }, List.of(new ResponseStatusExceptionHandler())))
        .webFilter(new RequestIds()).build();

    @Test
    void theCallersIdIsKeptAndReturned() {
        client.get().uri("/ok").header("X-Request-Id", "lb-7f3a.91:0_x").exchange()
            .expectStatus().isOk().expectHeader().valueEquals("X-Request-Id", "lb-7f3a.91:0_x")
            .expectHeader().valueEquals("X-Seen-Id", "lb-7f3a.91:0_x");
    }

    @Test
    void aRequestWithoutIdGetsANewOneEachTime() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String id = client.get().uri("/ok").exchange().expectStatus().isOk().returnResult(Void.class)
                .getResponseHeaders().getFirst("X-Request-Id");
            assertThat(id).matches("[0-9a-z]{25}");
            ids.add(id);
        }
        assertThat(ids).hasSize(20);
    }

    @Test
    void anIdThatIsNotAPlainTokenIsReplaced() {
        for (String bad : new String[] {"a".repeat(129), "id with spaces", "id\tforged", "", "ïd"}) {
            String id = client.get().uri("/ok").header("X-Request-Id", bad).exchange().returnResult(Void.class)
                .getResponseHeaders().getFirst("X-Request-Id");
            assertThat(id).as(bad).matches("[0-9a-z]{25}");
        }
    }

    @Test
    void errorResponsesCarryItToo() {
        client.get().uri("/fails").header("X-Request-Id", "abc").exchange()
            .expectStatus().isNotFound().expectHeader().valueEquals("X-Request-Id", "abc").expectHeader().doesNotExist("X-Seen-Id");
    }
}
