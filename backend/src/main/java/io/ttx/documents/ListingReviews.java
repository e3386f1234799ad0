package io.ttx.documents;

import io.ttx.catalogue.AchievementEvents;
import io.ttx.catalogue.DemandEvents;
import io.ttx.documents.persistence.DocumentStore;
import io.ttx.shared.outbox.OutboxEvent;
import io.ttx.shared.outbox.OutboxRelay;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * Follows the reviews of published listings (their revision events): an approval makes the public documents that
 * waited for it public (and searchable, through their {@code DocumentApproved} event); a dropped revision leaves them
 * REJECTED, hidden from everyone but the owner and reviewers. Idempotent: only documents still PENDING change.
 */
final class ListingReviews {
    private final DocumentStore store;
    private final OutboxRelay relay;
    private final Clock clock;

    ListingReviews(DocumentStore store, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    Mono<Void> onAchievementEvents(List<OutboxEvent> events) {
        return decide(ListingKind.ACHIEVEMENT, events, AchievementEvents.REVISION_APPROVED, AchievementEvents.REVISION_DROPPED);
    }

    Mono<Void> onDemandEvents(List<OutboxEvent> events) {
        return decide(ListingKind.DEMAND, events, DemandEvents.REVISION_APPROVED, DemandEvents.REVISION_DROPPED);
    }

    private Mono<Void> decide(ListingKind kind, List<OutboxEvent> events, String approved, String dropped) {
        return Flux.fromIterable(events)
            .filter(e -> e.type().equals(approved) || e.type().equals(dropped))
            .concatMap(e -> {
                boolean approve = e.type().equals(approved);
                return store.decidePending(kind, e.aggregateId(), approve, approve ? DocumentEvents.APPROVED : DocumentEvents.REJECTED,
                    clock.instant());
            })
            .count()
            .doOnNext(n -> { if (n > 0) relay.nudge(DocumentStore.COLLECTION); })
            .then();
    }
}
