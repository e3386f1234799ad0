package io.ttx.catalogue.persistence;

import io.ttx.catalogue.AchievementInput;
import io.ttx.catalogue.HistoryEntry;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.PendingRevision;
import io.ttx.catalogue.PriceHint;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An achievement as stored: the normalised content, lifecycle fields, the trail and the events not yet relayed.
 * Every change replaces the document in one conditional write on {@code version}: the change, its trail entry and
 * its event land together or not at all. {@code askingPriceFen} duplicates the offer's price for range queries.
 */
@Document("achievements")
public record AchievementDocument(@Id String id, String ownerOrg, String createdBy, ListingStatus status, long version,
                                  Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt,
                                  @Nullable Instant expiresAt, AchievementInput content, @Nullable Long askingPriceFen,
                                  @Nullable PriceHint priceHint, @Nullable PendingRevision<AchievementInput> pendingRevision,
                                  List<HistoryEntry> history, List<PendingEvent> pendingEvents)
    implements ListingRecord<AchievementInput, AchievementDocument> {

    @Override
    public AchievementDocument next(ListingStatus status, long version, Instant updatedAt, @Nullable Instant publishedAt,
                                    @Nullable Instant expiresAt, AchievementInput content, List<HistoryEntry> history,
                                    List<PendingEvent> pendingEvents) {
        return new AchievementDocument(id, ownerOrg, createdBy, status, version, createdAt, updatedAt, publishedAt, expiresAt, content,
            askingPriceFen, priceHint, pendingRevision, history, pendingEvents);
    }

    @Override
    public AchievementDocument withRevision(@Nullable PendingRevision<AchievementInput> revision) {
        return new AchievementDocument(id, ownerOrg, createdBy, status, version, createdAt, updatedAt, publishedAt, expiresAt, content,
            askingPriceFen, priceHint, revision, history, pendingEvents);
    }

    public AchievementDocument with(@Nullable Long askingPriceFen, @Nullable PriceHint priceHint) {
        return new AchievementDocument(id, ownerOrg, createdBy, status, version, createdAt, updatedAt, publishedAt, expiresAt, content,
            askingPriceFen, priceHint, pendingRevision, history, pendingEvents);
    }
}
