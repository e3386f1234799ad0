package io.ttx.catalogue;

import io.ttx.catalogue.persistence.ListingQueries;
import io.ttx.catalogue.persistence.ListingRecord;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/** {@link ListingSnapshots} over one kind of stored listing. */
final class StoredSnapshots<S extends ListingSnapshot, D extends ListingRecord<?, D>> implements ListingSnapshots<S> {
    private final ListingQueries queries;
    private final Class<D> type;
    private final Function<D, S> snapshot;
    private final Clock clock;

    StoredSnapshots(ListingQueries queries, Class<D> type, Function<D, S> snapshot, Clock clock) {
        this.queries = queries;
        this.type = type;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    @Override
    public Flux<S> snapshots(Collection<String> ids) {
        return ids.isEmpty() ? Flux.empty() : queries.byIds(type, ids).map(snapshot);
    }

    @Override
    public Flux<String> idsChangedSince(Instant since) {
        return queries.idsUpdatedSince(type, since);
    }

    @Override
    public Flux<S> live(int batch) {
        return queries.live(type, clock.instant(), batch).map(snapshot);
    }
}
