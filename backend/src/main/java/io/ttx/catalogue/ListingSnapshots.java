package io.ttx.catalogue;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Read access to one kind of listing for capabilities that derive their own records from the catalogue (module API):
 * search indexes live listings and re-reads those its events name, alerts read what was published. They come
 * through here rather than reading the catalogue's collections, so the catalogue alone decides how listings are
 * stored. Beans: {@code ListingSnapshots<AchievementSnapshot>} and {@code ListingSnapshots<DemandSnapshot>}.
 * There are no caller checks: what a caller derives must show only live listings (see {@link ListingSnapshot#liveAt}).
 */
public interface ListingSnapshots<S extends ListingSnapshot> {

    /** The current state of those of these listings that exist (deleted ones are missing), in no particular order. */
    Flux<S> snapshots(Collection<String> ids);

    /** One listing's current state, empty when it does not exist. */
    default Mono<S> snapshot(String id) {
        return snapshots(List.of(id)).next();
    }

    /** The ids of the listings changed at or after {@code since}, whatever their status now (deleted ones excepted). */
    Flux<String> idsChangedSince(Instant since);

    /**
     * Every live listing (published, not expired now), read in replies of {@code batch} records: without a batch size
     * a server may answer with every record at once (the dev stack's MongoDB does, and 100,000 achievements make a
     * 300 MB reply, over the driver's 48 MB limit).
     */
    Flux<S> live(int batch);
}
