package io.ttx.alerts.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One webhook delivery of one notification and its state. {@code nextAttemptAt} is when the next attempt is due
 * (and, while an attempt runs, until when it is claimed); {@code lastError} is short and in our own words.
 */
@Document("webhook_deliveries")
public record DeliveryDocument(@Id String id, String notificationId, String savedSearchId, String achievementId, String url,
                               Status status, int attempts, @Nullable Instant nextAttemptAt, @Nullable Instant lastAttemptAt,
                               @Nullable Integer lastStatus, @Nullable String lastError, Instant createdAt,
                               @Nullable Instant deliveredAt) {

    public enum Status { PENDING, DELIVERED, FAILED }
}
