package io.ttx.catalogue;

import io.ttx.catalogue.persistence.DemandDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A technology demand as other capabilities read it to keep their own copies (module API): the search index and
 * docking. Demands carry nothing confidential, so the content is whole.
 *
 * @param budgetFen the budget (or the top of the budget range) in fen, null without one
 */
public record DemandSnapshot(String id, long version, ListingStatus status, String ownerOrg, @Nullable Instant publishedAt,
                             @Nullable Instant expiresAt, DemandInput content, @Nullable Long budgetFen) implements ListingSnapshot {

    static DemandSnapshot of(DemandDocument d) {
        return new DemandSnapshot(d.id(), d.version(), d.status(), d.ownerOrg(), d.publishedAt(), d.expiresAt(), d.content(), d.budgetFen());
    }
}
