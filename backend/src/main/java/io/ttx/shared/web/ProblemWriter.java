package io.ttx.shared.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a problem straight to the response, for the places outside controllers: the security chain, web filters
 * and the last-resort exception handler. Always {@code application/problem+json}, whatever the Accept header says,
 * so that even a 406 is explained in the one error format.
 */
@Component
public class ProblemWriter {
    private final Problems problems;
    private final JsonMapper json;

    ProblemWriter(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        return write(exchange, problems.of(status, code, detail, exchange));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail pd) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) return Mono.empty();
        response.setStatusCode(HttpStatusCode.valueOf(pd.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(asMap(pd));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static Map<String, Object> asMap(ProblemDetail pd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", pd.getType().toString());
        m.put("title", pd.getTitle());
        m.put("status", pd.getStatus());
        if (pd.getDetail() != null) m.put("detail", pd.getDetail());
        if (pd.getInstance() != null) m.put("instance", pd.getInstance().toString());
        if (pd.getProperties() != null) m.putAll(pd.getProperties());
        return m;
    }
}
