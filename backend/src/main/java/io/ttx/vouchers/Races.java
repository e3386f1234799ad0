package io.ttx.vouchers;

import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Trying a write again that lost a race on its document's version. When the races never end the caller gets 503
 * {@code voucher-busy} ("try again"), nothing half-written: the last try wrote nothing, and Reactor's own
 * exhaustion error would have been a 500.
 */
final class Races {
    /** How often a write is tried again before giving up. */
    static final int TIMES = 200;

    private Races() { }

    /** 1 to 20 ms apart, with jitter: for a document many requests write at once (a programme's budget, a voucher redeemed in parallel). */
    static Retry backingOff(Class<? extends Throwable> lost) {
        return Retry.backoff(TIMES, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20)).jitter(0.9).filter(lost::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> VoucherProblem.busy());
    }

    /** At once: for a document rarely written by two at a time (a voucher revoked, an agency objected to). */
    static Retry atOnce(Class<? extends Throwable> lost, int times) {
        return Retry.max(times).filter(lost::isInstance).onRetryExhaustedThrow((spec, signal) -> VoucherProblem.busy());
    }
}
