package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.minio.MinioAsyncClient;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

/**
 * The three store clients, built from {@link StoreProperties}. All are non-blocking: the reactive MongoDB driver,
 * the Elasticsearch async client and the MinIO async client (each call wrapped with {@link Async}). Each gets the
 * configured timeouts: the clients' own defaults wait forever (Elasticsearch's response, MongoDB's socket reads) or
 * five minutes (MinIO). TLS trusts the JVM's trust store, or the Spring SSL bundle a store names ({@link TlsBundles}).
 */
@Configuration(proxyBeanMethods = false)
class StoreClients {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreProperties props, SslBundles bundles) {
        return MongoClients.create(MongoSettings.of(props.mongodb(), TlsBundles.named(bundles, props.mongodb().sslBundle())));
    }

    @Bean
    ReactiveMongoDatabaseFactory reactiveMongoDatabaseFactory(MongoClient client, StoreProperties props) {
        return new SimpleReactiveMongoDatabaseFactory(client, props.mongodb().database());
    }

    @Bean(destroyMethod = "close")
    ElasticsearchAsyncClient elasticsearchAsyncClient(StoreProperties props, SslBundles bundles) {
        StoreProperties.Elasticsearch es = props.elasticsearch();
        return ElasticsearchClients.of("requests", es, es.responseTimeout(), TlsBundles.named(bundles, es.sslBundle()));
    }

    /**
     * A client of its own (own connections): the low-level client's async path drops a per-request configuration
     * (elasticsearch-rest5-client 9.2), so a longer response timeout cannot be set per call.
     */
    @Bean
    BackgroundElasticsearch backgroundElasticsearch(StoreProperties props, SslBundles bundles) {
        StoreProperties.Elasticsearch es = props.elasticsearch();
        return new BackgroundElasticsearch(ElasticsearchClients.of("background", es, es.backgroundTimeout(), TlsBundles.named(bundles, es.sslBundle())));
    }

    @Bean
    S3Clients s3Clients(StoreProperties props, SslBundles bundles) {
        return new S3Clients(props.s3(), TlsBundles.named(bundles, props.s3().sslBundle()));
    }

    @Bean
    MinioAsyncClient minioAsyncClient(S3Clients clients, StoreProperties props) {
        return clients.client(props.s3().endpoint());
    }
}
