package io.ttx.shared.outbox;

import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one consumer made of the events it was offered in a round, by {@link Pending#key()}: handled, or failed with a
 * short safe reason (an exception's simple class name, never its message). Events in neither set were not attempted:
 * the consumer's store was down ({@code outage}), which is nobody's fault and counts no attempt.
 */
record ConsumerResult(Set<String> handled, Map<String, String> failed, @Nullable Throwable outage) {
    static final String REPORTED = "reported as not handled by the consumer";

    /** The consumer's answer to a batch: the events of the aggregates it named failed, the rest are handled. */
    static ConsumerResult reported(List<Pending> offered, Set<String> failedAggregates) {
        Set<String> handled = new LinkedHashSet<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Pending p : offered) {
            if (failedAggregates.contains(p.aggregateId())) failed.put(p.key(), REPORTED);
            else handled.add(p.key());
        }
        return new ConsumerResult(handled, failed, null);
    }

    /** A short description of a failure that is safe to show an administrator. */
    static String reason(Throwable e) {
        return e.getClass().getSimpleName();
    }
}
