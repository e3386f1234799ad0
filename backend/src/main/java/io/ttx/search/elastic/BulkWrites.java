package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.ttx.shared.stores.Async;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Bulk writes to an alias's indices. Writes carry the record's version as external version ("gte", so re-indexing the
 * same version is allowed): a late event can never overwrite a newer state, so "a newer version is there" (409) and
 * "already gone" (404 on delete) are not failures.
 */
final class BulkWrites {
    private final ElasticsearchAsyncClient es;
    private final Mono<Void> ready;

    BulkWrites(ElasticsearchAsyncClient es, Mono<Void> ready) {
        this.es = es;
        this.ready = ready;
    }

    /** Sends a bulk request once the index is ready; emits the items that really failed. */
    Mono<List<BulkResponseItem>> send(BulkRequest request) {
        return ready.then(Async.mono(() -> es.bulk(request))).map(BulkWrites::realFailures);
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
}
