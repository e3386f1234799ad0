package io.ttx.catalogue;

import io.ttx.catalogue.persistence.ListingRecord;
import io.ttx.catalogue.persistence.PendingEvent;
import org.jspecify.annotations.Nullable;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Builds the next version of a listing document: status, dates, trail entry and event, all in one value. */
final class ListingChanges {
    private ListingChanges() { }

    static PendingEvent event(String aggregate, ListingAction action, long version, Instant at) {
        return new PendingEvent(UUID.randomUUID().toString(), action.eventType(aggregate), version, at);
    }

    /**
     * @param expiryIfPublished when the listing would expire if this change (re)publishes it
     */
    static <C extends Record, D extends ListingRecord<C, D>> D apply(D d, String aggregate, ListingAction action, ListingStatus from,
                                                                     ListingStatus next, String by, @Nullable String org,
                                                                     @Nullable String note, C content,
                                                                     @Nullable List<String> changedFields, Instant now,
                                                                     Instant expiryIfPublished) {
        long version = d.version() + 1;
        boolean publishing = next == ListingStatus.PUBLISHED && d.status() != ListingStatus.PUBLISHED;
        Instant publishedAt = publishing && action != ListingAction.RENEW ? now : d.publishedAt();
        Instant expiresAt = publishing || action == ListingAction.RENEW ? expiryIfPublished : d.expiresAt();
        List<HistoryEntry> history = new ArrayList<>(d.history());
        history.add(new HistoryEntry(now, by, org, action, from, next, note, changedFields));
        List<PendingEvent> events = new ArrayList<>(d.pendingEvents());
        events.add(event(aggregate, action, version, now));
        return d.next(next, version, now, publishedAt, expiresAt, content, List.copyOf(history), List.copyOf(events));
    }

    /** Top-level fields whose values differ, for the trail of an edit. */
    static List<String> changedFields(Record before, Record after) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(before), c.getAccessor().invoke(after))) out.add(c.getName());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
