package io.ttx.alerts.persistence;

import io.ttx.alerts.SavedQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A saved search as stored: its owner (the user's {@code sub}) and organisation, the query, and the webhook with its
 * signing secret (kept to sign deliveries, never returned after creation).
 */
@Document("saved_searches")
public record SavedSearchDocument(@Id String id, String owner, @Nullable String org, String name, SavedQuery query,
                                  @Nullable Webhook webhook, Instant createdAt) {

    public record Webhook(String url, String secret) { }
}
