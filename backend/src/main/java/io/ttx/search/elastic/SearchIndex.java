package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonData;
import io.ttx.search.SearchProperties;
import io.ttx.shared.jobs.StartupTask;
import io.ttx.shared.stores.Async;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search index behind a read/write alias: the concrete indices are versioned ({@code achievements-v1},
 * {@code -v2} after a reindex) and created with explicit settings and mappings. The first one is created at start
 * when the alias is missing. Writes use external versioning (the record's version, "gte" so re-indexing the same
 * version is allowed) so a late event can never overwrite a newer state; deletions leave tombstones for a day
 * ({@code index.gc_deletes}) so a late update cannot resurrect a withdrawn record. The definition's hash is kept in
 * the index's {@code _meta}: a start with a changed definition logs that a reindex is due.
 */
public class SearchIndex implements StartupTask {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final Pattern VERSIONED = Pattern.compile("(.+)-v(\\d+)");
    private final ElasticsearchAsyncClient es;
    private final String alias;
    private final String definition;
    private final String definitionHash;
    private final Mono<Void> ready;
    private final List<java.util.function.Function<String, Mono<?>>> fillers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean createdHere;

    protected SearchIndex(ElasticsearchAsyncClient es, SearchProperties props, JsonMapper json, String alias, String mappingsResource) {
        this.es = es;
        this.alias = alias;
        this.definitionHash = sha256(definition(json, props, mappingsResource, "").toString());
        this.definition = definition(json, props, mappingsResource, definitionHash).toString();
        this.ready = Mono.defer(this::ensure).cache(v -> Duration.ofDays(3650), e -> Duration.ZERO, () -> Duration.ofDays(3650));
    }

    public String alias() {
        return alias;
    }

    /** Completes once the index and its alias exist (retried on every call until it worked once). */
    public Mono<Void> ready() {
        return ready;
    }

    /**
     * Registers what fills a generation this replica had to create at start because the alias was missing (a new
     * cluster, or one whose data was lost while MongoDB kept the catalogue): the index is derived, so it is rebuilt.
     */
    public void whenCreated(java.util.function.Function<String, Mono<?>> filler) {
        fillers.add(filler);
    }

    @Override
    public String name() {
        return "search index " + alias;
    }

    /** At start: the index is retried until it is ready; a fill that fails is logged, not retried (a reindex rebuilds it). */
    @Override
    public Mono<Void> run() {
        // after ready completed: the fillers write through bulk(), which waits for ready
        return ready.then(Mono.defer(() -> !createdHere ? Mono.<Void>empty() : Flux.fromIterable(fillers).concatMap(f -> f.apply(alias)).then()
            .onErrorResume(e -> {
                log.warn("search index {} could not be filled from MongoDB; POST /api/v1/admin/search/reindex: {}", alias, e.toString());
                return Mono.empty();
            })));
    }

    private Mono<Void> ensure() {
        return Async.mono(() -> es.indices().existsAlias(a -> a.name(alias))).flatMap(exists -> exists.value() ? warnIfOutdated()
            : create(alias + "-v1").then(Async.mono(() -> es.indices().updateAliases(u -> u.actions(a -> a.add(x -> x
                .index(alias + "-v1").alias(alias).isWriteIndex(true)))))).doOnSuccess(r -> createdHere = true).then());
    }

    private Mono<Void> warnIfOutdated() {
        return current().flatMap(name -> Async.mono(() -> es.indices().getMapping(m -> m.index(name)))
            .doOnNext(r -> {
                Map<String, JsonData> meta = r.get(name).mappings().meta();
                JsonData hash = meta == null ? null : meta.get("definitionHash");
                if (hash == null || !definitionHash.equals(hash.to(String.class))) {
                    log.warn("search index {} was built from an older definition: POST /api/v1/admin/search/reindex to rebuild it", name);
                }
            })).then();
    }

    /** The concrete index the alias points to now. */
    public Mono<String> current() {
        return Async.mono(() -> es.indices().getAlias(a -> a.name(alias))).map(r -> r.aliases().keySet().stream()
            .max(java.util.Comparator.comparingInt(SearchIndex::generation)).orElseThrow());
    }

    /** The name a rebuild of {@code current} gets: the next generation. */
    public String nextAfter(String current) {
        return alias + "-v" + (generation(current) + 1);
    }

    public static int generation(String index) {
        Matcher m = VERSIONED.matcher(index);
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    /** Creates an index with our settings and mappings, refresh off when it is about to be bulk-loaded. */
    public Mono<Void> create(String name) {
        return Async.mono(() -> es.indices().exists(e -> e.index(name))).flatMap(exists -> exists.value() ? Mono.<Void>empty()
            : Async.mono(() -> es.indices().create(c -> c.index(name).withJson(new StringReader(definition)))).then());
    }

    /** Drops an index (a rebuild that failed half-way, or a generation two swaps old). */
    public Mono<Void> drop(String name) {
        return Async.mono(() -> es.indices().delete(d -> d.index(name).ignoreUnavailable(true))).then();
    }

    /** Bulk-load tuning of a new index: no refresh while loading, the normal interval afterwards. */
    public Mono<Void> refreshInterval(String name, String interval) {
        return Async.mono(() -> es.indices().putSettings(p -> p.index(name).settings(s -> s.refreshInterval(t -> t.time(interval))))).then();
    }

    public Mono<Void> refresh(String name) {
        return Async.mono(() -> es.indices().refresh(r -> r.index(name))).then();
    }

    /** Points the alias from {@code from} to {@code to} in one atomic alias update: searches see one or the other. */
    public Mono<Void> switchAlias(String from, String to) {
        return Async.mono(() -> es.indices().updateAliases(u -> u
            .actions(a -> a.remove(r -> r.index(from).alias(alias)))
            .actions(a -> a.add(x -> x.index(to).alias(alias).isWriteIndex(true))))).then();
    }

    /** Every generation of this index that exists, oldest first. */
    public Mono<List<String>> generations() {
        return Async.mono(() -> es.indices().get(g -> g.index(alias + "-v*").ignoreUnavailable(true).allowNoIndices(true)))
            .map(r -> r.indices().keySet().stream().sorted(java.util.Comparator.comparingInt(SearchIndex::generation)).toList());
    }

    /** Sends a bulk request and returns the items that failed for a reason other than "a newer version is there". */
    public Mono<List<BulkResponseItem>> bulk(BulkRequest request) {
        return ready.then(Async.mono(() -> es.bulk(request))).map(SearchIndex::realFailures);
    }

    static List<BulkResponseItem> realFailures(BulkResponse r) {
        List<BulkResponseItem> failed = new ArrayList<>();
        if (!r.errors()) return failed;
        for (BulkResponseItem item : r.items()) {
            if (item.error() == null) continue;
            if (item.status() == 409) continue; // version conflict: the index already has this or a newer state
            if (item.status() == 404 && "delete".equals(item.operationType().jsonValue())) continue;
            failed.add(item);
        }
        return failed;
    }

    /** Settings (shared analysis, synonyms from their file) and this index's mappings, with the hash in _meta. */
    private static ObjectNode definition(JsonMapper json, SearchProperties props, String mappingsResource, String hash) {
        ObjectNode settings = (ObjectNode) json.readTree(resource("classpath:search/index-settings.json"));
        settings.put("number_of_replicas", props.replicas());
        ArrayNode synonyms = ((ObjectNode) settings.get("analysis").get("filter").get("ttx_synonyms")).putArray("synonyms");
        for (String line : resource(props.synonyms()).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) synonyms.add(l);
        }
        ObjectNode mappings = (ObjectNode) json.readTree(resource("classpath:" + mappingsResource));
        if (!hash.isEmpty()) mappings.putObject("_meta").put("definitionHash", hash);
        ObjectNode out = json.createObjectNode();
        out.set("settings", settings);
        out.set("mappings", mappings);
        return out;
    }

    private static String resource(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + location, e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
