package io.ttx.catalogue;

import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.rules.Ipc;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An achievement as other capabilities read it to keep their own copies (module API): the search index, saved-search
 * alerts. Only the public content (contact and encumbrances stay with the catalogue), so nothing derived from it can
 * show them.
 *
 * @param askingPriceFen the offer's asking price in fen (for range queries), null without one
 * @param priceHint      the published valuation range, if the owner published one
 */
public record AchievementSnapshot(String id, long version, ListingStatus status, String ownerOrg, @Nullable Instant publishedAt,
                                  @Nullable Instant expiresAt, AchievementInput content, @Nullable Long askingPriceFen,
                                  @Nullable PriceHint priceHint) implements ListingSnapshot {

    /** The IPC sections (A-H) of the classification codes, each once: the catalogue stores the codes normalised. */
    public List<String> ipcSections() {
        return content.ipcCodes() == null ? List.of() : content.ipcCodes().stream().map(Ipc::section).distinct().toList();
    }

    static AchievementSnapshot of(AchievementDocument d) {
        return new AchievementSnapshot(d.id(), d.version(), d.status(), d.ownerOrg(), d.publishedAt(), d.expiresAt(),
            AchievementPolicy.publicContent(d.content()), d.askingPriceFen(), d.priceHint());
    }
}
