package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.SslBundle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Elasticsearch clients on our own low-level client: the shortcut builder cannot set timeouts, and its response
 * timeout is none. Requests go round-robin to every node listed; an API key wins over basic auth.
 */
final class ElasticsearchClients {
    private ElasticsearchClients() { }

    static ElasticsearchAsyncClient of(StoreProperties.Elasticsearch es, Duration responseTimeout, @Nullable SslBundle tls) {
        Rest5ClientBuilder rest = Rest5Client.builder(es.uris())
            .setConnectionConfigCallback(c -> c.setConnectTimeout(Timeout.of(es.connectTimeout())))
            .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.of(responseTimeout)))
            .setConnectionManagerCallback(m -> m.setMaxConnTotal(es.maxConnections()).setMaxConnPerRoute(es.maxConnectionsPerNode()));
        if (tls != null) rest.setSSLContext(tls.createSslContext());
        if (es.apiKey() != null && !es.apiKey().isBlank()) {
            rest.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + es.apiKey())});
        } else if (es.username() != null && !es.username().isBlank() && es.password() != null) {
            String basic = Base64.getEncoder().encodeToString((es.username() + ":" + es.password()).getBytes(StandardCharsets.UTF_8));
            rest.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)});
        }
        return new ElasticsearchAsyncClient(new Rest5ClientTransport(rest.build(), new Jackson3JsonpMapper()));
    }
}
