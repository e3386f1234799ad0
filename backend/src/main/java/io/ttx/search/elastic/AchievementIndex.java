package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.ttx.search.SearchProperties;
import io.ttx.shared.stores.Async;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The achievements index: versioned name ({@code achievements-v1}) behind a read/write alias, created with explicit
 * mappings when missing. Writes use external versioning (the record's version, "gte" so a re-index of the same
 * version is allowed) so a late event can never overwrite a newer state; deletions leave tombstones for a day
 * ({@code index.gc_deletes}) so a late update cannot resurrect a withdrawn record.
 */
@Component
public class AchievementIndex {
    private static final Logger log = LoggerFactory.getLogger(AchievementIndex.class);
    private final ElasticsearchAsyncClient es;
    private final SearchProperties props;
    private final String settings;
    private final Mono<Void> ready;

    AchievementIndex(ElasticsearchAsyncClient es, SearchProperties props, JsonMapper json) throws IOException {
        this.es = es;
        this.props = props;
        this.settings = settingsWithSynonyms(json);
        this.ready = Mono.defer(this::ensure).cache(v -> Duration.ofDays(3650), e -> Duration.ZERO, () -> Duration.ofDays(3650));
    }

    public String alias() {
        return props.alias();
    }

    /** Completes once the index and its alias exist (retried on every call until it worked once). */
    public Mono<Void> ready() {
        return ready;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createInBackground() {
        ready.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
            .doOnError(e -> log.warn("search index not ready: {}", e.toString())).subscribe();
    }

    private Mono<Void> ensure() {
        return Async.mono(() -> es.indices().existsAlias(a -> a.name(props.alias()))).flatMap(exists -> exists.value() ? Mono.empty()
            : create(props.alias() + "-v1").then(Async.mono(() -> es.indices().updateAliases(u -> u.actions(a -> a.add(x -> x
                .index(props.alias() + "-v1").alias(props.alias()).isWriteIndex(true)))))).then());
    }

    /** Creates an index with our settings and mappings (used at start and by a reindex). */
    public Mono<Void> create(String name) {
        return Async.mono(() -> es.indices().exists(e -> e.index(name))).flatMap(exists -> exists.value() ? Mono.<Void>empty()
            : Async.mono(() -> es.indices().create(c -> c.index(name).withJson(new StringReader(settings)))).then());
    }

    /** Sends a bulk request and returns the items that failed for a reason other than "a newer version is there". */
    public Mono<List<BulkResponseItem>> bulk(BulkRequest request) {
        return ready.then(Async.mono(() -> es.bulk(request))).map(AchievementIndex::realFailures);
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

    private String settingsWithSynonyms(JsonMapper json) throws IOException {
        List<String> groups = new ArrayList<>();
        try (InputStream in = new DefaultResourceLoader().getResource(props.synonyms()).getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) groups.add(l);
            }
        }
        try (InputStream in = AchievementIndex.class.getResourceAsStream("/search/achievements-index.json")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.replace("[\"__SYNONYMS__\"]", json.writeValueAsString(groups));
        }
    }
}
