package io.ttx.catalogue;

import io.ttx.catalogue.persistence.ListingRecord;
import io.ttx.catalogue.persistence.PendingEvent;
import org.jspecify.annotations.Nullable;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The one transition of a listing, creation included: checks the status table, then builds the next version with
 * its status, dates, trail entry and event, all in one value that the caller writes in one conditional write.
 */
final class ListingChanges {
    private ListingChanges() { }

    /** Who makes a change and why: subject, organisation (none for the platform itself) and note. */
    record Actor(String by, @Nullable String org, @Nullable String note) {
        static final Actor SYSTEM = new Actor("system", null, null);
    }

    /**
     * The next version of {@code d} after {@code action} by {@code actor}, with {@code content} as its content.
     * {@code from} is the status the action applies to: null for a listing being created, otherwise its effective
     * status (a published listing past its expiry is EXPIRED). Throws {@link IllegalTransition} when the status table
     * does not allow the action.
     */
    static <C extends Record, D extends ListingRecord<C, D>> D apply(ListingPolicy<C, D, ?> policy, D d, @Nullable ListingStatus from,
                                                                     ListingAction action, Actor actor, C content, Instant now) {
        ListingStatus next = ListingStatus.next(from, action, policy.reviewRequired(), d.id());
        long version = d.version() + 1;
        boolean publishing = next == ListingStatus.PUBLISHED && d.status() != ListingStatus.PUBLISHED;
        Instant publishedAt = publishing && action != ListingAction.RENEW ? now : d.publishedAt();
        Instant expiresAt = publishing || action == ListingAction.RENEW ? policy.expiry(d, now) : d.expiresAt();
        List<HistoryEntry> history = new ArrayList<>(d.history());
        List<PendingEvent> events = new ArrayList<>(d.pendingEvents());
        history.add(new HistoryEntry(now, actor.by(), actor.org(), action, from, next, actor.note(), changed(d, action, content)));
        events.add(event(policy, action, version, now));
        D current = d;
        if (d.pendingRevision() != null && (action == ListingAction.WITHDRAW || action == ListingAction.EXPIRE)) {
            // a listing that is no longer public has nothing to revise: the revision goes, and the trail says so
            history.add(new HistoryEntry(now, actor.by(), actor.org(), ListingAction.REVISION_DROPPED, next, next,
                action == ListingAction.WITHDRAW ? "withdrawn" : "expired", null));
            events.add(event(policy, ListingAction.REVISION_DROPPED, version, now));
            current = d.withRevision(null);
        }
        return policy.derive(current.next(next, version, now, publishedAt, expiresAt, content, List.copyOf(history), List.copyOf(events)));
    }

    private static PendingEvent event(ListingPolicy<?, ?, ?> policy, ListingAction action, long version, Instant now) {
        return new PendingEvent(UUID.randomUUID().toString(), action.eventType(policy.aggregate()), version, now);
    }

    /** The fields an edit changed: of the content, or of the pending revision against the published content. */
    private static <C extends Record> @Nullable List<String> changed(ListingRecord<C, ?> d, ListingAction action, C content) {
        return switch (action) {
            case EDIT, REVISION_APPROVED -> changedFields(d.content(), content);
            case REVISION_SUBMITTED -> {
                // what changed at once (contact, encumbrances) and what the revision would change
                Set<String> fields = new LinkedHashSet<>(changedFields(d.content(), content));
                if (d.pendingRevision() != null) fields.addAll(changedFields(content, d.pendingRevision().content()));
                yield List.copyOf(fields);
            }
            default -> null;
        };
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
