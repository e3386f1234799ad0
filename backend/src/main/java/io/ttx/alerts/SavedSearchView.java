package io.ttx.alerts;

import io.ttx.alerts.persistence.SavedSearchDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A saved search as its owner sees it; the webhook's {@code secret} is present only in the answer to its creation. */
public record SavedSearchView(String id, String name, SavedQuery query, @Nullable Webhook webhook, Instant createdAt) {

    public record Webhook(String url, @Nullable String secret) { }

    static SavedSearchView of(SavedSearchDocument d, boolean withSecret) {
        Webhook w = d.webhook() == null ? null : new Webhook(d.webhook().url(), withSecret ? d.webhook().secret() : null);
        return new SavedSearchView(d.id(), d.name(), d.query(), w, d.createdAt());
    }
}
