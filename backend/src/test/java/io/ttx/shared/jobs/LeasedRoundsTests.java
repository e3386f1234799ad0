package io.ttx.shared.jobs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class LeasedRoundsTests {
    private static final long TOKEN = 7;
    private final Leases leases = mock(Leases.class);
    private final Map<String, AtomicInteger> rounds = new ConcurrentHashMap<>();
    private LeasedRounds job;

    @AfterEach
    void stop() {
        if (job != null) job.stop();
    }

    @Test
    void workRunsOnlyWhileThisReplicaHoldsTheLease() {
        when(leases.acquire(eq("mine"), any())).thenReturn(Mono.just(lease("mine")));
        when(leases.acquire(eq("theirs"), any())).thenReturn(Mono.empty());
        job = new LeasedRounds(leases, Duration.ofHours(1), Duration.ofSeconds(10), Duration.ZERO);
        StepVerifier.create(job.leased("mine", () -> Mono.just(1))).expectNext(1).verifyComplete();
        StepVerifier.create(job.leased("theirs", () -> Mono.just(1))).verifyComplete();
    }

    @Test
    void aLongRoundRenewsItsLeaseWhileItRuns() {
        AtomicInteger renewed = new AtomicInteger();
        when(leases.acquire(eq("long"), any())).thenReturn(Mono.just(lease("long")));
        when(leases.renew(eq("long"), any(), eq(TOKEN))).thenAnswer(i -> Mono.fromSupplier(() -> renewed.incrementAndGet() > 0));
        job = new LeasedRounds(leases, Duration.ofHours(1), Duration.ofMillis(90), Duration.ZERO);
        StepVerifier.create(job.leased("long", () -> Mono.delay(Duration.ofMillis(400)).thenReturn(1))).expectNext(1).verifyComplete();
        assertThat(renewed.get()).as("renewed every 30 ms under its token").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aRoundWhoseLeaseWasTakenOverMeanwhileIsCancelled() {
        when(leases.acquire(eq("lost"), any())).thenReturn(Mono.just(lease("lost")));
        when(leases.renew(eq("lost"), any(), eq(TOKEN))).thenReturn(Mono.just(false));
        job = new LeasedRounds(leases, Duration.ofHours(1), Duration.ofMillis(90), Duration.ZERO);
        StepVerifier.create(job.leased("lost", lease -> Mono.never())).expectError(LeaseLost.class).verify(Duration.ofSeconds(5));
    }

    @Test
    void aRoundThatFoundItsLeaseTakenOverStaysStoppedEvenIfTheLeaseIsFreeAgain() {
        AtomicInteger renewals = new AtomicInteger();
        when(leases.acquire(eq("taken"), any())).thenReturn(Mono.just(lease("taken")));
        when(leases.renew(eq("taken"), any(), eq(TOKEN))).thenAnswer(i -> Mono.fromSupplier(() -> renewals.incrementAndGet() != 1));
        job = new LeasedRounds(leases, Duration.ofHours(1), Duration.ofSeconds(30), Duration.ZERO);
        StepVerifier.create(job.leased("taken", lease -> lease.renew().onErrorResume(LeaseLost.class, e -> Mono.empty())
                .then(lease.renew()).thenReturn(1)))
            .expectError(LeaseLost.class).verify(Duration.ofSeconds(5));
        assertThat(renewals.get()).as("found lost at the first renewal; not asked again").isEqualTo(1);
    }

    @Test
    void aNudgeRunsARoundOfThatPartitionOnly() {
        when(leases.acquire(anyString(), any())).thenAnswer(i -> Mono.just(lease(i.getArgument(0))));
        job = new LeasedRounds(leases, Duration.ofHours(1), Duration.ofSeconds(10), Duration.ZERO);
        job.start(List.of("a", "b"), this::count, e -> true);
        assertThat(job.isRunning()).isTrue();
        job.nudge("b");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(calls("b")).isEqualTo(1));
        assertThat(calls("a")).isZero();
        job.stop();
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void aFailingPartitionBacksOffWhileTheOthersKeepTheirPace() {
        when(leases.acquire(anyString(), any())).thenAnswer(i -> Mono.just(lease(i.getArgument(0))));
        job = new LeasedRounds(leases, Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ofSeconds(30));
        job.start(List.of("down", "up"), p -> count(p).then(p.equals("down") ? Mono.error(new IllegalStateException("store down")) : Mono.empty()),
            e -> true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls("up")).isGreaterThanOrEqualTo(30));
        // waits of 20, 40, 80, 160, 320 ms ... : a handful of tries while the healthy partition ran 30 rounds
        assertThat(calls("down")).isBetween(1, 8);
    }

    @Test
    void aRoundThatThrowsInsteadOfSignallingAnErrorDoesNotEndTheRounds() {
        when(leases.acquire(anyString(), any())).thenAnswer(i -> Mono.just(lease(i.getArgument(0))));
        job = new LeasedRounds(leases, Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ZERO);
        job.start(List.of("broken", "fine"), p -> {
            if (p.equals("broken")) throw new IllegalStateException("bug");
            return count(p);
        }, e -> false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls("fine")).isGreaterThanOrEqualTo(3));
        assertThat(job.isRunning()).isTrue();
    }

    private Lease lease(String name) {
        return new Lease(leases, name, Duration.ofSeconds(10), TOKEN);
    }

    private Mono<Void> count(String partition) {
        return Mono.fromRunnable(() -> rounds.computeIfAbsent(partition, p -> new AtomicInteger()).incrementAndGet());
    }

    private int calls(String partition) {
        AtomicInteger n = rounds.get(partition);
        return n == null ? 0 : n.get();
    }
}
