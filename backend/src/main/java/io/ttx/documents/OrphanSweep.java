package io.ttx.documents;

import io.ttx.documents.persistence.DocumentStore;
import io.ttx.documents.persistence.RoomDocumentStore;
import io.ttx.documents.storage.ObjectStore;
import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

/**
 * Removes stored objects (of listings and of rooms) that have no metadata and are older than the configured age: what
 * a crash between the object write and the metadata write (or a failed compensation) leaves behind. Young objects are
 * left alone, since their upload may still be registering.
 */
@Component
public class OrphanSweep extends LeasedJob {
    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);
    private final ObjectStore objects;
    private final DocumentStore store;
    private final RoomDocumentStore rooms;
    private final DocumentProperties props;
    private final Clock clock;

    OrphanSweep(ObjectStore objects, DocumentStore store, RoomDocumentStore rooms, Leases leases, DocumentProperties props, Clock clock) {
        super("sweep:orphans", props.sweepInterval(), leases);
        this.objects = objects;
        this.store = store;
        this.rooms = rooms;
        this.props = props;
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce(Lease lease) {
        return sweepOnce();
    }

    /** One sweep: emits how many orphans were removed. */
    public Mono<Long> sweepOnce() {
        Instant cutoff = clock.instant().minus(props.orphanAge());
        Flux<String> prefixes = Flux.concat(Flux.fromArray(ListingKind.values()).map(ListingKind::segment),
            Flux.fromArray(RoomKind.values()).map(RoomKind::segment));
        return prefixes.concatMap(prefix -> objects.list(prefix + "/"))
            .filter(o -> o.getValue().isBefore(cutoff))
            .concatMap(o -> store.existsByObjectKey(o.getKey()).flatMap(listed -> listed ? Mono.just(true) : rooms.existsByObjectKey(o.getKey()))
                .filter(exists -> !exists)
                .flatMap(orphan -> objects.delete(o.getKey()).thenReturn(o.getKey())))
            .doOnNext(key -> log.info("removed orphan object {}", key))
            .count();
    }
}
