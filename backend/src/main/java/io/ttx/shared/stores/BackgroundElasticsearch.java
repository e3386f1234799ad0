package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;

import java.io.IOException;

/**
 * The Elasticsearch client for background work: bulk writes (the indexers, the reindex) and index administration
 * (creating, refreshing, switching aliases). Like the request client, but a node may stay silent for
 * {@code ttx.stores.elasticsearch.background-timeout} instead of the request timeout: a busy cluster can take longer
 * than a request should wait to index a batch or create an index, and nobody waits on that work interactively.
 */
public record BackgroundElasticsearch(ElasticsearchAsyncClient client) implements AutoCloseable {
    @Override
    public void close() throws IOException {
        client.close();
    }
}
