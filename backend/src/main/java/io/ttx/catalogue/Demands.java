package io.ttx.catalogue;

import io.ttx.catalogue.persistence.DemandDocument;
import io.ttx.catalogue.persistence.DemandStore;
import io.ttx.shared.outbox.OutboxRelay;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Technology demands (module API): enterprises' needs, with the listing operations of {@link ListingCatalogue} under
 * the {@link DemandPolicy} (review before publication is configurable, off by default: a submitted demand is published).
 */
@Service
public class Demands extends ListingCatalogue<DemandInput, DemandDocument, DemandView> {
    private final DemandStore store;

    Demands(DemandStore store, OutboxRelay relay, CatalogueProperties props, Clock clock) {
        super(new ListingLifecycle<>(store, new DemandPolicy(props), relay, clock));
        this.store = store;
    }

    /** The stored document, for capabilities that derive read models from it (search, matching). */
    public Mono<DemandDocument> document(String id) {
        return store.find(id);
    }
}
