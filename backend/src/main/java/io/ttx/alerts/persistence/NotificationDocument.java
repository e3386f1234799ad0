package io.ttx.alerts.persistence;

import io.ttx.catalogue.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A notification, addressed either to one user ({@code recipient}, the token's subject) or to an organisation in a role
 * ({@code org} and {@code role}: every user of that organisation with that role sees it). Its id is derived from what
 * caused it, so a redelivered event inserts nothing new.
 * <ul>
 *   <li>{@code SAVED_SEARCH_MATCH}: to the saved search's owner; {@code savedSearchId}, {@code achievementVersion},
 *   {@code title}. When the saved search has a webhook, the document carries the {@code NotificationCreated} event that
 *   starts the delivery (the notification is an outbox source itself).</li>
 *   <li>{@code DEAL_ACTION}: to a party of a deal (organisation and role); {@code deal} says what happened.</li>
 * </ul>
 * Read state: {@code read}/{@code readAt} for a notification to one user; {@code readBy}, one mark per user who read
 * it, for one to an organisation (each of its users reads it on their own).
 */
@Document("notifications")
public record NotificationDocument(@Id String id, @Nullable String recipient, @Nullable String org, @Nullable String role,
                                   String type, @Nullable String savedSearchId, String achievementId,
                                   @Nullable Long achievementVersion, @Nullable LocalizedText title, @Nullable DealAction deal,
                                   Instant createdAt, boolean read, @Nullable Instant readAt, @Nullable List<ReadMark> readBy,
                                   List<Event> pendingEvents) {

    public static final String TYPE_SAVED_SEARCH_MATCH = "SAVED_SEARCH_MATCH";
    public static final String TYPE_DEAL_ACTION = "DEAL_ACTION";
    /** The aggregate type of notification events (notifications are an outbox source). */
    public static final String AGGREGATE_TYPE = "notification";
    public static final String CREATED = "NotificationCreated";

    /** A saved-search match for its owner. */
    public static NotificationDocument savedSearchMatch(String id, String recipient, String savedSearchId, String achievementId,
                                                        long achievementVersion, LocalizedText title, Instant createdAt, List<Event> events) {
        return new NotificationDocument(id, recipient, null, null, TYPE_SAVED_SEARCH_MATCH, savedSearchId, achievementId,
            achievementVersion, title, null, createdAt, false, null, null, events);
    }

    /** What happened on a deal, for one of its parties (an organisation in a role). */
    public static NotificationDocument dealAction(String id, String org, String role, String achievementId, @Nullable LocalizedText title,
                                                  DealAction deal, Instant createdAt) {
        return new NotificationDocument(id, null, org, role, TYPE_DEAL_ACTION, null, achievementId, null, title, deal, createdAt,
            false, null, List.of(), List.of());
    }

    /** The read mark of one user: its own for a notification to it, its entry in {@code readBy} for an organisation's. */
    public @Nullable Instant readAtBy(String subject) {
        if (recipient != null) return read ? readAt : null;
        if (readBy == null) return null;
        return readBy.stream().filter(m -> m.by().equals(subject)).map(ReadMark::at).findFirst().orElse(null);
    }

    /**
     * A deal event as its parties are told of it.
     *
     * @param eventId      the deal event that caused it
     * @param action       what happened: the event's name ({@code OPENED}, {@code TERMS_PROPOSED}, ...) or {@code IDLE}
     * @param stage        the deal's stage after it
     * @param expectedStep the deal's next step right after it; null when the deal had moved on before the notification
     * @param expectedWho  who is expected to take it
     */
    public record DealAction(String dealId, String eventId, String action, String stage, @Nullable String expectedStep,
                             @Nullable String expectedWho) { }

    /** One user's reading of a notification addressed to its organisation. */
    public record ReadMark(String by, Instant at) { }

    /** An event waiting for the outbox relay (same fields the relay reads from every source). */
    public record Event(String id, String type, long version, Instant at) { }
}
