package io.ttx.shared.outbox;

import co.elastic.clients.transport.TransportException;
import io.ttx.shared.web.Failures;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which aggregates a consumer's failure of a whole batch (an error signal) is due to: the relay hands the batch
 * over again one aggregate at a time, and only an aggregate that fails on its own has failed an attempt, so one bad
 * aggregate (say, a bulk request over Elasticsearch's size limit) neither holds back nor dead-letters the others.
 * A failure that looks like the consumer's store being down ({@link #isOutage}) counts only when the consumer
 * answered for another aggregate meanwhile; otherwise it is an outage, nobody's fault: nothing counts, and after two
 * such failures in a row without any answer the rest is not tried, so a store that is down is not asked once per
 * aggregate.
 */
final class Isolation {
    private final Set<String> handled = new LinkedHashSet<>();
    private final Map<String, String> failed = new LinkedHashMap<>();
    private final Map<String, String> failedByOutage = new LinkedHashMap<>();
    private @Nullable Throwable outage;
    private boolean answered;
    private int outagesInARow;

    /** The result of a batch of one aggregate's events that failed as a whole. */
    static ConsumerResult single(List<Pending> offered, Throwable e) {
        Isolation i = new Isolation();
        i.failed(offered, e);
        return i.result();
    }

    /** Whether to stop handing over aggregates one by one: the store looks down. */
    boolean gaveUp() {
        return !answered && outagesInARow >= 2;
    }

    void reported(List<Pending> group, Set<String> failedAggregates) {
        ConsumerResult r = ConsumerResult.reported(group, failedAggregates);
        handled.addAll(r.handled());
        failed.putAll(r.failed());
        answered = true;
        outagesInARow = 0;
    }

    void failed(List<Pending> group, Throwable e) {
        boolean down = isOutage(e);
        for (Pending p : group) (down ? failedByOutage : failed).put(p.key(), ConsumerResult.reason(e));
        if (down) {
            outage = e;
            outagesInARow++;
        } else {
            outagesInARow = 0;
        }
    }

    ConsumerResult result() {
        if (answered || failedByOutage.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>(failed);
            all.putAll(failedByOutage);
            return new ConsumerResult(handled, all, null);
        }
        return new ConsumerResult(handled, failed, outage);
    }

    /**
     * A store that does not answer (see {@link Failures#storeUnavailable}), except an HTTP client error the store did
     * answer with (other than 408 and 429): Elasticsearch's 413 for a bulk request over its size limit reaches the
     * client as a transport error, yet retrying the same request can never succeed.
     */
    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TransportException te && te.response() != null) {
                int status = te.statusCode();
                if (status >= 400 && status < 500 && status != 408 && status != 429) return false;
            }
        }
        return Failures.storeUnavailable(e);
    }
}
