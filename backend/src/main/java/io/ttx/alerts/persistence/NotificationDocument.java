package io.ttx.alerts.persistence;

import io.ttx.catalogue.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A notification of a saved-search match. Its id is derived from (saved search, achievement, achievement version),
 * so a redelivered event inserts nothing new. When the saved search has a webhook, the document carries the
 * {@code NotificationCreated} event that starts the delivery (the notification is an outbox source itself).
 */
@Document("notifications")
public record NotificationDocument(@Id String id, String recipient, String type, String savedSearchId, String achievementId,
                                   long achievementVersion, LocalizedText title, Instant createdAt, boolean read,
                                   @Nullable Instant readAt, List<Event> pendingEvents) {

    public static final String TYPE_SAVED_SEARCH_MATCH = "SAVED_SEARCH_MATCH";
    /** The aggregate type of notification events (notifications are an outbox source). */
    public static final String AGGREGATE_TYPE = "notification";
    public static final String CREATED = "NotificationCreated";

    /** An event waiting for the outbox relay (same fields the relay reads from every source). */
    public record Event(String id, String type, long version, Instant at) { }
}
