package io.ttx.brokerage.persistence;

import io.ttx.brokerage.domain.Deal;
import io.ttx.brokerage.domain.TrailEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * A deal as stored: the domain state ({@code deal}), its append-only trail and the events not yet relayed. The top-level
 * copies of the deal's parties, stage and NDA state are what the list, visibility and NDA queries filter on; every
 * write sets them from {@code deal}, in the one conditional write on {@code version} that also appends the trail entry
 * and the event. The stored document also carries the room's counters ({@code roomDocuments}, {@code roomMessages}:
 * see {@link DealStore#takeRoomSlot}), which are not part of the deal's state and never change its version.
 *
 * @param field           the achievement's technology field when the deal was opened (for the valuation's platform deals)
 * @param ndaComplete     both parties signed the NDA
 * @param idleNotifiedFor the version at which the idle sweep recorded {@code DealIdle} (set by {@link DealStore#markIdle}
 *                        without changing the version; every command's write removes it, so a new idle period begins)
 */
public record DealDocument(@Id String id, Deal deal, String achievementId, String sellerOrg, String buyerOrg,
                           @Nullable String brokerOrg, String stage, boolean active, boolean ndaComplete, String field,
                           long version, Instant updatedAt, List<TrailEntry> trail, List<PendingEvent> pendingEvents,
                           @Nullable Long idleNotifiedFor) {

    public static DealDocument of(Deal deal, String field, List<TrailEntry> trail, List<PendingEvent> pendingEvents) {
        return new DealDocument(deal.id().value(), deal, deal.achievementId(), deal.sellerOrg(), deal.buyerOrg(),
            deal.broker() == null ? null : deal.broker().org(), deal.stage().name(), deal.isActive(),
            deal.ndaSignedBy().size() == 2 && deal.stage().isOpen(), field, deal.version(), deal.updatedAt(), trail, pendingEvents,
            null);
    }
}
