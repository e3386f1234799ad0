package io.ttx.vouchers;

import io.ttx.shared.DomainException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A write that keeps losing races ends as 503 voucher-busy, not as Reactor's exhaustion error (a 500). */
class RacesTests {
    private static final class Lost extends RuntimeException { }

    @Test
    void atOnceTriesAgainAndThenAnswersBusy() {
        AtomicInteger tries = new AtomicInteger();
        Mono<String> write = Mono.defer(() -> {
            tries.incrementAndGet();
            return Mono.<String>error(new Lost());
        });
        StepVerifier.create(write.retryWhen(Races.atOnce(Lost.class, 3)))
            .expectErrorSatisfies(e -> {
                assertThat(e).isInstanceOf(VoucherProblem.class);
                assertThat(((VoucherProblem) e).code()).isEqualTo("voucher-busy");
                assertThat(((VoucherProblem) e).kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
            })
            .verify(Duration.ofSeconds(5));
        assertThat(tries).hasValue(4);
    }

    @Test
    void backingOffAnswersBusyAfterAllItsTries() {
        AtomicInteger tries = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> Mono.defer(() -> {
                tries.incrementAndGet();
                return Mono.<String>error(new Lost());
            }).retryWhen(Races.backingOff(Lost.class)))
            .thenAwait(Duration.ofHours(1))
            .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(VoucherProblem.class)
                .extracting(x -> ((VoucherProblem) x).code()).isEqualTo("voucher-busy"))
            .verify(Duration.ofSeconds(5));
        assertThat(tries).hasValue(Races.TIMES + 1);
    }

    @Test
    void aRaceWonLateIsASuccess() {
        AtomicInteger tries = new AtomicInteger();
        Mono<String> write = Mono.defer(() -> tries.incrementAndGet() < 3 ? Mono.<String>error(new Lost()) : Mono.just("written"));
        StepVerifier.create(write.retryWhen(Races.atOnce(Lost.class, 3))).expectNext("written").verifyComplete();
        assertThat(tries).hasValue(3);
    }

    @Test
    void otherErrorsAreNotTriedAgain() {
        AtomicInteger tries = new AtomicInteger();
        IllegalStateException down = new IllegalStateException("store down");
        Mono<String> write = Mono.defer(() -> {
            tries.incrementAndGet();
            return Mono.<String>error(down);
        });
        StepVerifier.create(write.retryWhen(Races.backingOff(Lost.class))).expectErrorMatches(e -> e == down).verify(Duration.ofSeconds(5));
        assertThat(tries).hasValue(1);
    }
}
