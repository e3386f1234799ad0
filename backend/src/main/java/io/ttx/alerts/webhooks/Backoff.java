package io.ttx.alerts.webhooks;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.List;

/**
 * When to try a webhook again: after the n-th failed attempt wait {@code delays[n-1]} (the last delay repeats), and
 * stop after {@code maxAttempts} attempts in all.
 */
public record Backoff(List<Duration> delays, int maxAttempts) {
    public Backoff {
        if (delays.isEmpty() || maxAttempts < 1) throw new IllegalArgumentException("backoff needs delays and at least one attempt");
        delays = List.copyOf(delays);
    }

    /** The wait before the next attempt after {@code failedAttempts} failures, or null when no attempt is left. */
    public @Nullable Duration after(int failedAttempts) {
        if (failedAttempts >= maxAttempts) return null;
        return delays.get(Math.min(Math.max(failedAttempts, 1), delays.size()) - 1);
    }

    /** What an HTTP status means for the delivery: 2xx delivered; 408, 429 and 5xx worth retrying; anything else final. */
    public static Verdict verdict(int status) {
        if (status >= 200 && status < 300) return Verdict.DELIVERED;
        if (status == 408 || status == 429 || status >= 500) return Verdict.RETRY;
        return Verdict.GIVE_UP;
    }

    public enum Verdict { DELIVERED, RETRY, GIVE_UP }
}
