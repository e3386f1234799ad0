package io.ttx.shared.jobs;

import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The lease a round runs under (see {@link LeasedRounds}). It is renewed on a timer while the round runs, and the
 * round renews it itself before each step that writes: a round whose lease another replica has taken meanwhile stops
 * there ({@link LeaseLost}) instead of writing over that replica's work. Its {@link #token()} grows with every new
 * holder and fences the round's MongoDB writes ({@link #fence}), which closes the gap between the last renewal and a
 * write.
 */
public final class Lease {
    private final Leases leases;
    private final String name;
    private final Duration ttl;
    private final long token;
    private volatile boolean lost;

    Lease(Leases leases, String name, Duration ttl, long token) {
        this.leases = leases;
        this.name = name;
        this.ttl = ttl;
        this.token = token;
    }

    public String name() {
        return name;
    }

    /** The fencing token: higher for every replica that took the lease after this one, the same while it is renewed. */
    public long token() {
        return token;
    }

    /** The fence for this lease's writes in documents other jobs and requests write too: {@link Fence#of}. */
    public Fence fence() {
        return Fence.of(name, token);
    }

    /** The fence for this lease's writes, kept in {@code field} of each document written. */
    public Fence fence(String field) {
        return new Fence(name, field, token);
    }

    /** Extends the lease by its TTL; errors with {@link LeaseLost} once another replica holds it (then for good). */
    public Mono<Void> renew() {
        return Mono.defer(() -> lost ? Mono.error(new LeaseLost(name)) : leases.renew(name, ttl, token).flatMap(held -> {
            if (held) return Mono.<Void>empty();
            lost = true;
            return Mono.error(new LeaseLost(name));
        }));
    }
}
