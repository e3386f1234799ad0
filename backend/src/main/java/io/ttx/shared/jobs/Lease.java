package io.ttx.shared.jobs;

import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The lease a round runs under (see {@link LeasedRounds}). It is renewed
 * on a timer while the round runs, and the round renews it itself before each step that writes: a round whose lease
 * another replica has taken meanwhile stops there ({@link LeaseLost}) instead of writing over that replica's work.
 */
public final class Lease {
    private final Leases leases;
    private final String name;
    private final Duration ttl;
    private volatile boolean lost;

    Lease(Leases leases, String name, Duration ttl) {
        this.leases = leases;
        this.name = name;
        this.ttl = ttl;
    }

    public String name() {
        return name;
    }

    /** Extends the lease by its TTL; errors with {@link LeaseLost} once another replica holds it (then for good). */
    public Mono<Void> renew() {
        return Mono.defer(() -> lost ? Mono.error(new LeaseLost(name)) : leases.acquire(name, ttl).flatMap(held -> {
            if (held) return Mono.<Void>empty();
            lost = true;
            return Mono.error(new LeaseLost(name));
        }));
    }
}
