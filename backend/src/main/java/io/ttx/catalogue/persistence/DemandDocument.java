package io.ttx.catalogue.persistence;

import io.ttx.catalogue.DemandInput;
import io.ttx.catalogue.HistoryEntry;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.PendingRevision;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** A technology demand as stored; changes follow the same single-write rule as achievements. */
@Document("demands")
public record DemandDocument(@Id String id, String ownerOrg, String createdBy, ListingStatus status, long version,
                             Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt, @Nullable Instant expiresAt,
                             DemandInput content, @Nullable Long budgetFen, @Nullable PendingRevision<DemandInput> pendingRevision,
                             List<HistoryEntry> history,
                             List<PendingEvent> pendingEvents) implements ListingRecord<DemandInput, DemandDocument> {

    @Override
    public DemandDocument next(ListingStatus status, long version, Instant updatedAt, @Nullable Instant publishedAt,
                               @Nullable Instant expiresAt, DemandInput content, List<HistoryEntry> history,
                               List<PendingEvent> pendingEvents) {
        return new DemandDocument(id, ownerOrg, createdBy, status, version, createdAt, updatedAt, publishedAt, expiresAt, content,
            budgetFen, pendingRevision, history, pendingEvents);
    }

    @Override
    public DemandDocument withRevision(@Nullable PendingRevision<DemandInput> revision) {
        return new DemandDocument(id, ownerOrg, createdBy, status, version, createdAt, updatedAt, publishedAt, expiresAt, content,
            budgetFen, revision, history, pendingEvents);
    }

    public DemandDocument withBudgetFen(@Nullable Long fen) {
        return new DemandDocument(id, ownerOrg, createdBy, status, version, createdAt, updatedAt, publishedAt, expiresAt, content,
            fen, pendingRevision, history, pendingEvents);
    }
}
