package io.ttx.shared.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to retry each key after failures: the first retry after {@code first}, doubling up to {@code max}; a success
 * resets it. Keeps a store that is down from being hammered (and the log from filling) without ever giving up.
 */
final class RetryBackoff {
    private record State(int failures, Instant due) { }

    private final Duration first;
    private final Duration max;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    RetryBackoff(Duration first, Duration max, Clock clock) {
        this.first = first;
        this.max = max;
        this.clock = clock;
    }

    boolean due(String key) {
        State s = states.get(key);
        return s == null || !clock.instant().isBefore(s.due());
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    Duration failed(String key) {
        State s = states.merge(key, new State(1, Instant.EPOCH), (old, x) -> new State(old.failures() + 1, Instant.EPOCH));
        Duration wait = delay(s.failures());
        states.put(key, new State(s.failures(), clock.instant().plus(wait)));
        return wait;
    }

    void succeeded(String key) {
        states.remove(key);
    }

    Duration delay(int failures) {
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(max) > 0 ? max : d;
    }
}
