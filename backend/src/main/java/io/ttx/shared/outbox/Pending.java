package io.ttx.shared.outbox;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * One event waiting in an aggregate document, as a relay round read it. {@code raw} is the stored event document
 * exactly as read: the relay removes delivered events with {@code $pullAll} of these documents, which never touches an
 * event appended meanwhile (docs/decisions.md). An event put back from a dead letter carries {@code redeliverTo} (the
 * consumer that is to get it again, nobody else) and {@code retryOf} (the dead letter), which also make its
 * {@code key} differ from the original's, so it starts with a fresh delivery record.
 *
 * @param key what the relay's delivery records are kept under: the event id, plus {@code ~<dead letter>} for a retry
 */
record Pending(String aggregateId, Document raw, OutboxEvent event, String key, @Nullable List<String> redeliverTo) {
    static final String FIELD = "pendingEvents";
    /** The highest token of the relay's lease that pulled events from the aggregate document ({@code Fence}). */
    static final String FENCE = "outboxFence";
    static final String REDELIVER_TO = "redeliverTo";
    static final String RETRY_OF = "retryOf";

    /** Whether this event is for that consumer at all (every consumer of its type, unless it was put back for one). */
    boolean targets(String consumer) {
        return redeliverTo == null || redeliverTo.contains(consumer);
    }

    /** The pending events of these aggregate documents, each aggregate's in the order they were appended. */
    static List<Pending> of(OutboxSource source, List<Document> docs) {
        List<Pending> out = new ArrayList<>();
        for (Document d : docs) {
            String aggregateId = d.getString("_id");
            for (Document e : d.getList(FIELD, Document.class)) {
                Object at = e.get("at");
                OutboxEvent event = new OutboxEvent(e.getString("id"), e.getString("type"), source.aggregateType(), aggregateId,
                    ((Number) e.get("version")).longValue(), at instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(at)));
                String retryOf = e.getString(RETRY_OF);
                out.add(new Pending(aggregateId, e, event, retryOf == null ? event.id() : event.id() + "~" + retryOf,
                    e.getList(REDELIVER_TO, String.class)));
            }
        }
        return out;
    }
}
