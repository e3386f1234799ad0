package io.ttx.documents;

import io.ttx.catalogue.AchievementEvents;
import io.ttx.catalogue.DemandEvents;
import io.ttx.shared.outbox.OutboxEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Follows the deletion of draft listings (their {@code ...Deleted} events): the listing's documents go with it, records
 * and objects. The catalogue does not know this module (documents depend on the catalogue, not the other way round),
 * so the deletion reaches it as an event, at least once: removing is repeatable, documents already removed are not
 * listed again, and a failure leaves the event pending for the next round.
 */
final class ListingDeletions {
    private final DocumentRemoval removal;

    ListingDeletions(DocumentRemoval removal) {
        this.removal = removal;
    }

    Mono<Void> onAchievementEvents(List<OutboxEvent> events) {
        return removeDocumentsOf(ListingKind.ACHIEVEMENT, events, AchievementEvents.DELETED);
    }

    Mono<Void> onDemandEvents(List<OutboxEvent> events) {
        return removeDocumentsOf(ListingKind.DEMAND, events, DemandEvents.DELETED);
    }

    private Mono<Void> removeDocumentsOf(ListingKind kind, List<OutboxEvent> events, String deleted) {
        return Flux.fromIterable(events).filter(e -> e.type().equals(deleted)).map(OutboxEvent::aggregateId).distinct()
            .concatMap(listingId -> removal.removeAllOf(kind, listingId))
            .then();
    }
}
