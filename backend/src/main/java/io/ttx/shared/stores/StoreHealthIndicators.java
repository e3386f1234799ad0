package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.minio.BucketExistsArgs;
import io.minio.MinioAsyncClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Health of the three stores, each DOWN when its server does not answer within a short timeout. Boot's own MongoDB
 * indicator sends {@code hello}, which the dev stack's MongoDB-wire server lacks; {@code ping} works on both it and a
 * real replica set. Details carry no driver messages (only the exception class), so health output leaks nothing.
 */
@Configuration(proxyBeanMethods = false)
class StoreHealthIndicators {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return () -> mongo.executeCommand(new Document("ping", 1))
            .map(r -> Health.up().build())
            .timeout(TIMEOUT)
            .onErrorResume(e -> Mono.just(down(e)));
    }

    @Bean
    ReactiveHealthIndicator elasticsearchHealthIndicator(ElasticsearchAsyncClient es) {
        return () -> Async.mono(() -> es.cluster().health())
            .map(r -> (r.status() == HealthStatus.Red ? Health.down() : Health.up())
                .withDetail("cluster", r.status().jsonValue()).build())
            .timeout(TIMEOUT)
            .onErrorResume(e -> Mono.just(down(e)));
    }

    @Bean
    ReactiveHealthIndicator s3HealthIndicator(MinioAsyncClient s3, StoreProperties props) {
        String bucket = props.s3().bucket();
        return () -> Async.mono(() -> s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
            .map(exists -> Health.up().withDetail("bucket", exists ? "present" : "created on first use").build())
            .timeout(TIMEOUT)
            .onErrorResume(e -> Mono.just(down(e)));
    }

    private static Health down(Throwable e) {
        return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
}
