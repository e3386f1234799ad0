package io.ttx.alerts;

import io.ttx.alerts.persistence.NotificationDocument;
import io.ttx.catalogue.LocalizedText;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A notification as its recipient sees it. */
public record NotificationView(String id, String type, String savedSearchId, String achievementId, LocalizedText title,
                               Instant createdAt, boolean read, @Nullable Instant readAt) {

    static NotificationView of(NotificationDocument d) {
        return new NotificationView(d.id(), d.type(), d.savedSearchId(), d.achievementId(), d.title(), d.createdAt(), d.read(), d.readAt());
    }
}
