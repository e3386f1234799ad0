package io.ttx.brokerage.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * A call for sealed offers (招标) on an achievement: enterprises send one offer each (replaceable) until
 * {@code closesAt}; nobody reads another organisation's offer before then. After the close the seller's TTO awards
 * one offer, which starts a deal at TERMS_AGREED on {@code termSheet} with the offer's amount as upfront. Immutable;
 * amounts in fen.
 *
 * @param broker the broker organisation (and subject) that created it, null when the seller's TTO did
 * @param awardedOffer the awarded offer's id, with {@code dealId} the deal it started and {@code awardedBy} who awarded it
 */
public record Tender(String id, String achievementId, String sellerOrg, @Nullable Broker broker, @Nullable Long minimumPrice,
        Instant closesAt, TermSheet termSheet, TenderState state, @Nullable String awardedOffer, @Nullable String dealId,
        @Nullable String awardedBy, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public Tender {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(sellerOrg, "sellerOrg");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(termSheet, "termSheet");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public TenderStatus status(Instant now) {
        return switch (state) {
            case OPEN -> now.isBefore(closesAt) ? TenderStatus.OPEN : TenderStatus.CLOSED;
            case AWARDED -> TenderStatus.AWARDED;
            case CANCELLED -> TenderStatus.CANCELLED;
        };
    }

    Tender with(TenderState next, @Nullable String offer, @Nullable String deal, @Nullable String by, Instant now) {
        return new Tender(id, achievementId, sellerOrg, broker, minimumPrice, closesAt, termSheet, next, offer, deal, by,
            createdBy, createdAt, now, version + 1);
    }
}
