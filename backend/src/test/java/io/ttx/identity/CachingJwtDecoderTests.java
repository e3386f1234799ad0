package io.ttx.identity;

import io.ttx.testsupport.StoppedClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTests {
    private final StoppedClock clock = new StoppedClock();
    private final AtomicInteger validations = new AtomicInteger();
    private final ReactiveJwtDecoder validating = token -> {
        validations.incrementAndGet();
        if (token.startsWith("bad")) return Mono.error(new BadJwtException("invalid signature"));
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u").issuedAt(clock.instant())
            .expiresAt(clock.instant().plus(token.startsWith("short") ? Duration.ofMinutes(1) : Duration.ofHours(1))).build());
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(validating, Duration.ofMinutes(5), 3, clock);

    @Test
    void aValidatedTokenIsValidatedOnceWithinTheTtl() {
        assertThat(decoder.decode("good").block().getSubject()).isEqualTo("u");
        clock.advance(Duration.ofMinutes(4));
        assertThat(decoder.decode("good").block().getTokenValue()).isEqualTo("good");
        assertThat(validations).hasValue(1);
        clock.advance(Duration.ofMinutes(2)); // past the ttl: validated again
        decoder.decode("good").block();
        assertThat(validations).hasValue(2);
    }

    @Test
    void aCachedTokenIsNeverUsedPastItsExpiry() {
        decoder.decode("short").block();
        clock.advance(Duration.ofSeconds(61));
        decoder.decode("short").block(); // the fake issues it afresh; the point is that it was validated again
        assertThat(validations).hasValue(2);
    }

    @Test
    void failuresAreNeverCachedAndTheCacheStaysBounded() {
        assertThatThrownBy(() -> decoder.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThat(validations).hasValue(2);
        for (String t : new String[]{"a", "b", "c", "d"}) decoder.decode(t).block();
        decoder.decode("d").block();
        assertThat(validations).hasValue(6); // "d" is cached in the fresh cache after the full one was cleared
    }
}
