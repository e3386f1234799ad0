package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.JsonData;
import io.ttx.shared.stores.Async;
import reactor.core.publisher.Mono;

import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The concrete indices behind one alias ({@code achievements-v1}, {@code -v2} after a reindex) and the alias over
 * them: which generation is current, what the next one is called, creating and dropping generations and pointing the
 * alias from one to the next in one atomic update, so searches always see one complete generation.
 */
final class Generations {
    private static final Pattern VERSIONED = Pattern.compile("(.+)-v(\\d+)");
    private final ElasticsearchAsyncClient es;
    private final String alias;
    private final IndexDefinition definition;

    Generations(ElasticsearchAsyncClient es, String alias, IndexDefinition definition) {
        this.es = es;
        this.alias = alias;
        this.definition = definition;
    }

    static int generation(String index) {
        Matcher m = VERSIONED.matcher(index);
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    String first() {
        return alias + "-v1";
    }

    String nextAfter(String current) {
        return alias + "-v" + (generation(current) + 1);
    }

    Mono<Boolean> aliasExists() {
        return Async.mono(() -> es.indices().existsAlias(a -> a.name(alias))).map(r -> r.value());
    }

    Mono<String> current() {
        return Async.mono(() -> es.indices().getAlias(a -> a.name(alias))).map(r -> r.aliases().keySet().stream()
            .max(Comparator.comparingInt(Generations::generation)).orElseThrow());
    }

    /** Every generation that exists, oldest first. */
    Mono<List<String>> all() {
        return Async.mono(() -> es.indices().get(g -> g.index(alias + "-v*").ignoreUnavailable(true).allowNoIndices(true)))
            .map(r -> r.indices().keySet().stream().sorted(Comparator.comparingInt(Generations::generation)).toList());
    }

    /** The {@code _meta} of a generation's mappings (where the definition's hash is). */
    Mono<Map<String, JsonData>> meta(String index) {
        return Async.mono(() -> es.indices().getMapping(m -> m.index(index))).map(r -> {
            Map<String, JsonData> meta = r.get(index).mappings().meta();
            return meta == null ? Map.of() : meta;
        });
    }

    /** Creates a generation from the definition unless it exists. */
    Mono<Void> create(String name) {
        return Async.mono(() -> es.indices().exists(e -> e.index(name))).flatMap(exists -> exists.value() ? Mono.<Void>empty()
            : Async.mono(() -> es.indices().create(c -> c.index(name).withJson(new StringReader(definition.json())))).then());
    }

    Mono<Void> drop(String name) {
        return Async.mono(() -> es.indices().delete(d -> d.index(name).ignoreUnavailable(true))).then();
    }

    /** Points the alias at a first generation. */
    Mono<Void> point(String to) {
        return Async.mono(() -> es.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(to).alias(alias).isWriteIndex(true))))).then();
    }

    /** Points the alias from {@code from} to {@code to} in one atomic alias update: searches see one or the other. */
    Mono<Void> switchAlias(String from, String to) {
        return Async.mono(() -> es.indices().updateAliases(u -> u
            .actions(a -> a.remove(r -> r.index(from).alias(alias)))
            .actions(a -> a.add(x -> x.index(to).alias(alias).isWriteIndex(true))))).then();
    }

    Mono<Void> refreshInterval(String name, String interval) {
        return Async.mono(() -> es.indices().putSettings(p -> p.index(name).settings(s -> s.refreshInterval(t -> t.time(interval))))).then();
    }

    Mono<Void> refresh(String name) {
        return Async.mono(() -> es.indices().refresh(r -> r.index(name))).then();
    }
}
