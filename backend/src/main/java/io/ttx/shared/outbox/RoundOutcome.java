package io.ttx.shared.outbox;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping of one relay round over a batch of pending events, without any I/O: which events each consumer is
 * offered (those it has neither handled nor given up on, once a retry is due), and from the consumers' results what
 * the round writes: per (event, consumer) handled, a failed attempt, or a dead letter once the attempts reach
 * {@code max-attempts}; and which events are done for every consumer they are for (those leave their document).
 */
final class RoundOutcome {
    /** One delivery record the round writes. */
    sealed interface Write permits Handled, Failed, Dead {
        Pending entry();

        String consumer();
    }

    /** Handled by this consumer while another still owes it: remembered so that it is not offered again. */
    record Handled(Pending entry, String consumer) implements Write { }

    record Failed(Pending entry, String consumer, int attempts, String error, Instant retryAt) implements Write { }

    record Dead(Pending entry, String consumer, int attempts, String error) implements Write { }

    private final String source;
    private final List<Pending> entries;
    private final List<String> consumers;
    private final Map<String, DeliveryLog.State> before;
    private final OutboxProperties props;
    private final Instant now;
    private final Map<String, ConsumerResult> results = new LinkedHashMap<>();

    /** @param before the delivery records read at the start of the round, by {@link DeliveryLog#id} */
    RoundOutcome(String source, List<Pending> entries, List<String> consumers, Map<String, DeliveryLog.State> before,
                 OutboxProperties props, Instant now) {
        this.source = source;
        this.entries = entries;
        this.consumers = consumers;
        this.before = before;
        this.props = props;
        this.now = now;
    }

    /** The events to offer this consumer now, in batch order. */
    List<Pending> due(String consumer) {
        return entries.stream().filter(p -> p.targets(consumer)).filter(p -> {
            DeliveryLog.State s = before(p, consumer);
            return !s.handled() && !s.dead() && (s.retryAt() == null || !s.retryAt().isAfter(now));
        }).toList();
    }

    void record(String consumer, ConsumerResult result) {
        results.put(consumer, result);
    }

    /** The outage that kept a consumer from its events this round, if any (the source then backs off). */
    @Nullable Throwable outage() {
        return results.values().stream().map(ConsumerResult::outage).filter(e -> e != null).findFirst().orElse(null);
    }

    /** The delivery records to write: failed attempts and dead letters, and "handled" for events not yet done. */
    List<Write> writes() {
        List<Write> out = new ArrayList<>();
        for (Pending p : entries) {
            List<Write> own = settled(p);
            boolean done = isDone(p, own);
            own.stream().filter(w -> !(done && w instanceof Handled)).forEach(out::add);
        }
        return out;
    }

    /** The events that every consumer they are for has handled or given up on: they leave their aggregate's document. */
    List<Pending> done() {
        return entries.stream().filter(p -> isDone(p, settled(p))).toList();
    }

    /** The delivery records of done events that are no longer needed (all but dead letters), by {@link DeliveryLog#id}. */
    List<String> forgettable() {
        List<String> out = new ArrayList<>();
        for (Pending p : done()) {
            List<Write> now = settled(p);
            for (String c : consumers) {
                String id = DeliveryLog.id(source, p.key(), c);
                DeliveryLog.State s = before.get(id);
                boolean diesNow = now.stream().anyMatch(w -> w instanceof Dead && w.consumer().equals(c));
                if (s != null && !s.dead() && !diesNow) out.add(id);
            }
        }
        return out;
    }

    /** What this round's results mean for one event, consumer by consumer. */
    private List<Write> settled(Pending p) {
        List<Write> own = new ArrayList<>();
        for (String c : targets(p)) {
            ConsumerResult r = results.get(c);
            if (r == null) continue;
            if (r.handled().contains(p.key())) {
                own.add(new Handled(p, c));
            } else if (r.failed().containsKey(p.key())) {
                int attempts = before(p, c).attempts() + 1;
                String error = r.failed().get(p.key());
                own.add(attempts >= props.maxAttempts() ? new Dead(p, c, attempts, error)
                    : new Failed(p, c, attempts, error, now.plus(props.retryDelay(attempts))));
            }
        }
        return own;
    }

    private boolean isDone(Pending p, List<Write> now) {
        for (String c : targets(p)) {
            DeliveryLog.State s = before(p, c);
            boolean settled = s.handled() || s.dead()
                || now.stream().anyMatch(w -> w.consumer().equals(c) && (w instanceof Handled || w instanceof Dead));
            if (!settled) return false;
        }
        return true;
    }

    private List<String> targets(Pending p) {
        return consumers.stream().filter(p::targets).toList();
    }

    private DeliveryLog.State before(Pending p, String consumer) {
        return before.getOrDefault(DeliveryLog.id(source, p.key(), consumer), DeliveryLog.State.NONE);
    }
}
