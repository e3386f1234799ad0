package io.ttx.shared.web;

import io.ttx.shared.Ids;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id and returns it in {@code X-Request-Id} on every response, errors included, so that a
 * client's report can be matched with the server's log lines (the unexpected-failure logs name it). The load
 * balancer's or caller's id is kept when it is a plain token; anything else (too long, spaces, control characters that
 * could forge log lines) is replaced by a new one. First of all filters, so even a refused request carries it.
 */
@Component
class RequestIds implements WebFilter, Ordered {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : generate();
        exchange.getAttributes().put(ATTRIBUTE, id);
        // set as the response is committed: an error handler may have reset the headers before
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> exchange.getResponse().getHeaders().set(HEADER, id)));
        return chain.filter(exchange);
    }

    /** The request's id; {@code -} for an exchange this filter never saw. */
    static String of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "-");
    }

    /** 125 random bits: unique, not secret (no SecureRandom, whose first use may block an event loop). */
    private static String generate() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Ids.base32(bytes, 25);
    }
}
