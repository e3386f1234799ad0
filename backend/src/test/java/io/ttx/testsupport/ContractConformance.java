package io.ttx.testsupport;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A WebTestClient filter that checks every response of an integration test against the OpenAPI contract and fails
 * the test on an undocumented path, method, status, content type or field. Only {@code /api/**} is the contract;
 * actuator and docs routes pass unchecked.
 */
public final class ContractConformance implements ExchangeFilterFunction {

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String path = request.url().getRawPath();
        boolean documented = path.startsWith("/api/") && !path.startsWith("/api/test/") || path.startsWith("/federation/"); // not test-only probes
        if (!documented) return next.exchange(request);
        return next.exchange(request).flatMap(response -> response.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
            String contentType = response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
            List<String> violations = OpenApiContract.forPath(path).check(request.method().name(), path, response.statusCode().value(),
                contentType, body);
            if (!violations.isEmpty()) throw new AssertionError("response breaks the OpenAPI contract:\n  " + String.join("\n  ", violations));
            return response.mutate().body(body).build();
        }));
    }
}
