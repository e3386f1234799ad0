package io.ttx.search.elastic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Makes sure an alias has an index: the first generation is created when the alias is missing (a new cluster, or one
 * whose data was lost while MongoDB kept the catalogue), and the replica that created it fills it from MongoDB, as
 * the index is derived. An existing index built from another definition is kept, and the log says a reindex is due.
 */
final class IndexStartup {
    private static final Logger log = LoggerFactory.getLogger(IndexStartup.class);
    private final String alias;
    private final Generations generations;
    private final IndexDefinition definition;
    private final Mono<Void> ready;
    private final List<Function<String, Mono<?>>> fillers = new CopyOnWriteArrayList<>();
    private volatile boolean createdHere;

    IndexStartup(String alias, Generations generations, IndexDefinition definition) {
        this.alias = alias;
        this.generations = generations;
        this.definition = definition;
        // once it worked it stays done; a failure is not kept, so the next caller tries again
        this.ready = Mono.defer(this::ensure).cache(v -> Duration.ofDays(3650), e -> Duration.ZERO, () -> Duration.ofDays(3650));
    }

    /** Completes once the index and its alias exist (retried on every call until it worked once). */
    Mono<Void> ready() {
        return ready;
    }

    void whenCreated(Function<String, Mono<?>> filler) {
        fillers.add(filler);
    }

    /** Ready, then filled if this replica created the index; a failed fill is logged, not retried (a reindex rebuilds). */
    Mono<Void> run() {
        // after ready completed: the fillers write through bulk, which waits for ready
        return ready.then(Mono.defer(() -> !createdHere ? Mono.<Void>empty() : Flux.fromIterable(fillers).concatMap(f -> f.apply(alias)).then()
            .onErrorResume(e -> {
                log.warn("search index {} could not be filled from MongoDB; POST /api/v1/admin/search/reindex: {}", alias, e.toString());
                return Mono.empty();
            })));
    }

    private Mono<Void> ensure() {
        return generations.aliasExists().flatMap(exists -> exists ? warnIfOutdated()
            : generations.create(generations.first()).then(generations.point(generations.first())).doOnSuccess(v -> createdHere = true));
    }

    private Mono<Void> warnIfOutdated() {
        return generations.current().flatMap(name -> generations.meta(name).doOnNext(meta -> {
            if (!definition.built(meta)) {
                log.warn("search index {} was built from an older definition: POST /api/v1/admin/search/reindex to rebuild it", name);
            }
        })).then();
    }
}
