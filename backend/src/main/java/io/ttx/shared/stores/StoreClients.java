package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.connection.TransportSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.minio.MinioAsyncClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The three store clients, built from {@link StoreProperties}. All are non-blocking: the reactive MongoDB driver,
 * the Elasticsearch async client and the MinIO async client (each call wrapped with {@link Async}). Each gets the
 * configured timeouts: the clients' own defaults wait forever (Elasticsearch's response, MongoDB's socket reads) or
 * five minutes (MinIO).
 */
@Configuration(proxyBeanMethods = false)
class StoreClients {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreProperties props) {
        return MongoClients.create(mongoSettings(props.mongodb()));
    }

    /**
     * Netty transport: the driver's default for the reactive client (an {@code AsynchronousSocketChannel}) ignores
     * the connect timeout, so a connect that is never answered would hang an operation for minutes. No client-side
     * operation timeout (the driver's {@code timeoutMS}): it is an alpha API, and it would bound a whole cursor's
     * life, so a long streamed read (the reindex) would fail; the socket read timeout bounds each reply instead.
     */
    static MongoClientSettings mongoSettings(StoreProperties.Mongo m) {
        return MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(m.uri()))
            .transportSettings(TransportSettings.nettyBuilder().build())
            .applyToClusterSettings(c -> c.serverSelectionTimeout(m.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(s -> s.connectTimeout(m.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(m.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
            .build();
    }

    @Bean
    ReactiveMongoDatabaseFactory reactiveMongoDatabaseFactory(MongoClient client, StoreProperties props) {
        return new SimpleReactiveMongoDatabaseFactory(client, props.mongodb().database());
    }

    /** Built on our own low-level client: the shortcut builder cannot set timeouts, and its response timeout is none. */
    @Bean(destroyMethod = "close")
    ElasticsearchAsyncClient elasticsearchAsyncClient(StoreProperties props) {
        return elasticsearch(props.elasticsearch(), props.elasticsearch().responseTimeout());
    }

    /**
     * A client of its own (own connections): the low-level client's async path drops a per-request configuration
     * (elasticsearch-rest5-client 9.2), so a longer response timeout cannot be set per call.
     */
    @Bean
    BackgroundElasticsearch backgroundElasticsearch(StoreProperties props) {
        return new BackgroundElasticsearch(elasticsearch(props.elasticsearch(), props.elasticsearch().backgroundTimeout()));
    }

    private static ElasticsearchAsyncClient elasticsearch(StoreProperties.Elasticsearch es, Duration responseTimeout) {
        Rest5ClientBuilder rest = Rest5Client.builder(es.uris())
            .setConnectionConfigCallback(c -> c.setConnectTimeout(Timeout.of(es.connectTimeout())))
            .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.of(responseTimeout)));
        if (es.apiKey() != null && !es.apiKey().isBlank()) {
            rest.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + es.apiKey())});
        } else if (es.username() != null && !es.username().isBlank() && es.password() != null) {
            String basic = Base64.getEncoder().encodeToString((es.username() + ":" + es.password()).getBytes(StandardCharsets.UTF_8));
            rest.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)});
        }
        return new ElasticsearchAsyncClient(new Rest5ClientTransport(rest.build(), new Jackson3JsonpMapper()));
    }

    /** OkHttp's timeouts apply per connect, per read and per write, never to a whole call: large uploads still work. */
    @Bean
    MinioAsyncClient minioAsyncClient(StoreProperties props) {
        StoreProperties.S3 s3 = props.s3();
        MinioAsyncClient client = MinioAsyncClient.builder().endpoint(s3.endpoint().toString())
            .credentials(s3.accessKey(), s3.secretKey()).region(s3.region()).build();
        client.setTimeout(s3.connectTimeout().toMillis(), s3.writeTimeout().toMillis(), s3.readTimeout().toMillis());
        return client;
    }
}
