package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Elasticsearch clients on our own HTTP layer ({@link NettyElasticsearchHttp}, on the server's event loops) with the
 * configured timeouts. Requests go round-robin to every node listed; an API key wins over basic auth. Connections are
 * pooled per node (Reactor Netty pools by address): at most max-connections-per-node each, and never more than
 * max-connections, which no longer caps all nodes together.
 */
final class ElasticsearchClients {
    private ElasticsearchClients() { }

    static ElasticsearchAsyncClient of(String name, StoreProperties.Elasticsearch es, Duration responseTimeout, @Nullable SslBundle tls) {
        // The client finds its JSON-P providers through the ServiceLoader (reading jar files) on first use and keeps
        // them: found here, at start-up, not while an event loop parses the first answer that holds a JSON value
        JsonpUtils.systemProvider();
        JsonpUtils.provider();
        String authorization = null;
        if (es.apiKey() != null && !es.apiKey().isBlank()) {
            authorization = "ApiKey " + es.apiKey();
        } else if (es.username() != null && !es.username().isBlank() && es.password() != null) {
            authorization = "Basic " + Base64.getEncoder().encodeToString((es.username() + ":" + es.password()).getBytes(StandardCharsets.UTF_8));
        }
        NettyElasticsearchHttp http = new NettyElasticsearchHttp(name, es.uris(), es.connectTimeout(), responseTimeout,
            Math.min(es.maxConnectionsPerNode(), es.maxConnections()),
            authorization, tls == null ? null : tls.createSslContext());
        return new ElasticsearchAsyncClient(new NettyElasticsearchTransport(http, new Jackson3JsonpMapper()));
    }
}
