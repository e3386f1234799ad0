package io.ttx.alerts;

import io.ttx.alerts.persistence.DeliveryDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A webhook delivery's state, for the saved search's owner. */
public record DeliveryView(String id, String notificationId, String achievementId, String url, String status, int attempts,
                           @Nullable Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Integer lastStatus,
                           @Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt) {

    static DeliveryView of(DeliveryDocument d) {
        return new DeliveryView(d.id(), d.notificationId(), d.achievementId(), d.url(), d.status().name(), d.attempts(),
            d.status() == DeliveryDocument.Status.PENDING ? d.nextAttemptAt() : null, d.lastAttemptAt(), d.lastStatus(),
            d.lastError(), d.createdAt(), d.deliveredAt());
    }
}
