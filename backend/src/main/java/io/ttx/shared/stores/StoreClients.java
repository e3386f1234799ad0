package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.minio.MinioAsyncClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

import java.util.concurrent.TimeUnit;

/**
 * The three store clients, built from {@link StoreProperties}. All are non-blocking: the reactive MongoDB driver,
 * the Elasticsearch async client and the MinIO async client (each call wrapped with {@link Async}).
 */
@Configuration(proxyBeanMethods = false)
class StoreClients {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreProperties props) {
        StoreProperties.Mongo m = props.mongodb();
        MongoClientSettings settings = MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(m.uri()))
            .applyToClusterSettings(c -> c.serverSelectionTimeout(m.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(s -> s.connectTimeout((int) m.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
            .build();
        return MongoClients.create(settings);
    }

    @Bean
    ReactiveMongoDatabaseFactory reactiveMongoDatabaseFactory(MongoClient client, StoreProperties props) {
        return new SimpleReactiveMongoDatabaseFactory(client, props.mongodb().database());
    }

    @Bean(destroyMethod = "close")
    ElasticsearchAsyncClient elasticsearchAsyncClient(StoreProperties props) {
        StoreProperties.Elasticsearch es = props.elasticsearch();
        return ElasticsearchAsyncClient.of(b -> {
            b.hosts(es.uris()).jsonMapper(new Jackson3JsonpMapper());
            if (es.apiKey() != null && !es.apiKey().isBlank()) b.apiKey(es.apiKey());
            else if (es.username() != null && es.password() != null) b.usernameAndPassword(es.username(), es.password());
            return b;
        });
    }

    @Bean
    MinioAsyncClient minioAsyncClient(StoreProperties props) {
        StoreProperties.S3 s3 = props.s3();
        return MinioAsyncClient.builder().endpoint(s3.endpoint().toString()).credentials(s3.accessKey(), s3.secretKey())
            .region(s3.region()).build();
    }
}
