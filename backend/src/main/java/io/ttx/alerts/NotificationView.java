package io.ttx.alerts;

import io.ttx.alerts.persistence.NotificationDocument;
import io.ttx.catalogue.LocalizedText;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A notification as one of its readers sees it. {@code SAVED_SEARCH_MATCH}: {@code savedSearchId}, {@code achievementId},
 * {@code title}. {@code DEAL_ACTION}: {@code dealId}, {@code achievementId}, {@code title} (when the achievement still
 * exists), {@code action}, {@code stage} (after the action) and {@code expected} (the deal's next step and who takes it).
 * {@code read} and {@code readAt} are the reader's own, also on a notification addressed to its organisation.
 */
public record NotificationView(String id, String type, @Nullable String savedSearchId, String achievementId,
                               @Nullable LocalizedText title, @Nullable String dealId, @Nullable String action,
                               @Nullable String stage, @Nullable Expected expected, Instant createdAt, boolean read,
                               @Nullable Instant readAt) {

    /** A deal's next step ({@code SIGN_NDA}, ...) and who is expected to take it ({@code BUYER}, ...). */
    public record Expected(String step, String who) { }

    static NotificationView of(NotificationDocument d, String reader) {
        Instant readAt = d.readAtBy(reader);
        NotificationDocument.DealAction deal = d.deal();
        return new NotificationView(d.id(), d.type(), d.savedSearchId(), d.achievementId(), d.title(),
            deal == null ? null : deal.dealId(), deal == null ? null : deal.action(), deal == null ? null : deal.stage(),
            deal == null ? null : expected(deal), d.createdAt(), readAt != null, readAt);
    }

    private static @Nullable Expected expected(NotificationDocument.DealAction deal) {
        String step = deal.expectedStep();
        String who = deal.expectedWho();
        return step == null || who == null ? null : new Expected(step, who);
    }
}
