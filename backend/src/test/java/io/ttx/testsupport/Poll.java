package io.ttx.testsupport;

import java.time.Instant;
import java.util.function.Supplier;

/** Polling with a deadline, the tests' only way to wait for something asynchronous (never a sleep as synchronisation). */
public final class Poll {
    private Poll() { }

    /** Polls every 100 ms until {@code check} passes (returning its value) or the deadline passes (then its last failure). */
    public static <T> T until(Instant deadline, Supplier<T> check) {
        AssertionError last = null;
        do {
            try {
                return check.get();
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (Instant.now().isBefore(deadline));
        throw last;
    }
}
