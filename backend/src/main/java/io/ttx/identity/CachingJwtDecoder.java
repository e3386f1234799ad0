package io.ttx.identity;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that passed validation, by their exact text, until they expire but at most {@code ttl}: checking
 * the RSA signature of the same bearer token on every request was 15 % of the backend's CPU per search
 * (docs/performance.md). Failures are never cached. The clock is the one the timestamp validator uses (system time),
 * so a cached token stops working when validation would start refusing it; a key removed from the issuer's set stops
 * cached tokens within {@code ttl}.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {
    private record Entry(Jwt jwt, Instant until) { }

    private final ReactiveJwtDecoder delegate;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> validated = new ConcurrentHashMap<>();

    CachingJwtDecoder(ReactiveJwtDecoder delegate, Duration ttl, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Instant now = clock.instant();
        Entry hit = validated.get(token);
        if (hit != null) {
            if (now.isBefore(hit.until())) return Mono.just(hit.jwt());
            validated.remove(token, hit);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            Instant until = now.plus(ttl);
            if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) until = jwt.getExpiresAt();
            if (validated.size() >= maxEntries) validated.clear(); // a crude bound: a full cache starts over
            validated.put(token, new Entry(jwt, until));
        });
    }
}
