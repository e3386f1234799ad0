package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.ttx.search.SearchProperties;
import io.ttx.shared.jobs.StartupTask;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.function.Function;

/**
 * A search index behind a read/write alias: the concrete indices are versioned generations ({@code achievements-v1},
 * {@code -v2} after a reindex) created from an explicit definition (settings, analysers, mappings, the definition's
 * hash in {@code _meta}). The first one is created at start when the alias is missing. Writes use external
 * versioning so a late event can never overwrite a newer state; deletions leave tombstones for a day
 * ({@code index.gc_deletes}) so a late update cannot resurrect a withdrawn record.
 * <p>One object per alias for the indexer, the reindex and the engines; the work is done by {@link IndexDefinition},
 * {@link IndexStartup}, {@link Generations} and {@link BulkWrites}.
 */
public class SearchIndex implements StartupTask {
    private final String alias;
    private final Generations generations;
    private final IndexStartup startup;
    private final BulkWrites writes;

    protected SearchIndex(ElasticsearchAsyncClient es, SearchProperties props, JsonMapper json, String alias, String mappingsResource) {
        IndexDefinition definition = IndexDefinition.load(json, props, mappingsResource);
        this.alias = alias;
        this.generations = new Generations(es, alias, definition);
        this.startup = new IndexStartup(alias, generations, definition);
        this.writes = new BulkWrites(es, startup.ready());
    }

    public String alias() {
        return alias;
    }

    /** Completes once the index and its alias exist (retried on every call until it worked once). */
    public Mono<Void> ready() {
        return startup.ready();
    }

    /**
     * Registers what fills a generation this replica had to create at start because the alias was missing (a new
     * cluster, or one whose data was lost while MongoDB kept the catalogue): the index is derived, so it is rebuilt.
     */
    public void whenCreated(Function<String, Mono<?>> filler) {
        startup.whenCreated(filler);
    }

    @Override
    public String name() {
        return "search index " + alias;
    }

    /** At start: the index is retried until it is ready; a fill that fails is logged, not retried (a reindex rebuilds it). */
    @Override
    public Mono<Void> run() {
        return startup.run();
    }

    /** The concrete index the alias points to now. */
    public Mono<String> current() {
        return generations.current();
    }

    /** The name a rebuild of {@code current} gets: the next generation. */
    public String nextAfter(String current) {
        return generations.nextAfter(current);
    }

    public static int generation(String index) {
        return Generations.generation(index);
    }

    /** Creates an index with our settings and mappings, refresh off when it is about to be bulk-loaded. */
    public Mono<Void> create(String name) {
        return generations.create(name);
    }

    /** Drops an index (a rebuild that failed half-way, or a generation two swaps old). */
    public Mono<Void> drop(String name) {
        return generations.drop(name);
    }

    /** Bulk-load tuning of a new index: no refresh while loading, the normal interval afterwards. */
    public Mono<Void> refreshInterval(String name, String interval) {
        return generations.refreshInterval(name, interval);
    }

    public Mono<Void> refresh(String name) {
        return generations.refresh(name);
    }

    /** Points the alias from {@code from} to {@code to} in one atomic alias update: searches see one or the other. */
    public Mono<Void> switchAlias(String from, String to) {
        return generations.switchAlias(from, to);
    }

    /** Every generation of this index that exists, oldest first. */
    public Mono<List<String>> generations() {
        return generations.all();
    }

    /** Sends a bulk request and returns the items that failed for a reason other than "a newer version is there". */
    public Mono<List<BulkResponseItem>> bulk(BulkRequest request) {
        return writes.send(request);
    }
}
