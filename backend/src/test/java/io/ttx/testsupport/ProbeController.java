package io.ttx.testsupport;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.minio.BucketExistsArgs;
import io.minio.MinioAsyncClient;
import io.ttx.identity.ApiAccessRules;
import io.ttx.shared.stores.Async;
import io.ttx.shared.stores.StoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Test-only routes under {@code /api/test}: a validated JSON echo to exercise the error handler, a
 * route that blocks its event loop (BlockHound's canary), and one call per
 * store to see what an API call answers when that store is down. Not part of the contract (or of the product jar).
 */
@RestController
class ProbeController {
    record EchoRequest(@NotBlank String name, @Min(1) @Max(9) int trl, @NotNull List<@NotBlank String> tags) { }

    private final ReactiveMongoTemplate mongo;
    private final ElasticsearchAsyncClient es;
    private final MinioAsyncClient s3;
    private final StoreProperties props;

    ProbeController(ReactiveMongoTemplate mongo, ElasticsearchAsyncClient es, MinioAsyncClient s3, StoreProperties props) {
        this.mongo = mongo;
        this.es = es;
        this.s3 = s3;
        this.props = props;
    }

    @PostMapping(path = "/api/test/echo", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    EchoRequest echo(@Valid @RequestBody EchoRequest body) {
        return body;
    }

    /** Blocks the event loop that serves it: BlockHound must turn this into a 500 (BlockHoundIT). */
    @GetMapping("/api/test/blocking")
    Map<String, Object> blocking() throws InterruptedException {
        Thread.sleep(1);
        return Map.of("thread", Thread.currentThread().getName());
    }

    @GetMapping("/api/test/stores/{store}")
    Mono<Map<String, Object>> store(@PathVariable String store) {
        Mono<?> call = switch (store) {
            case "mongo" -> mongo.executeCommand(new Document("count", "probe"));
            case "es" -> Async.mono(() -> es.indices().exists(e -> e.index("probe")));
            case "s3" -> Async.mono(() -> s3.bucketExists(BucketExistsArgs.builder().bucket(props.s3().bucket()).build()));
            default -> Mono.error(new IllegalArgumentException(store));
        };
        return call.thenReturn(Map.of("store", store, "answered", true));
    }

    @Configuration(proxyBeanMethods = false)
    static class Rules {
        @Bean
        ApiAccessRules probeRules() {
            return a -> a.pathMatchers("/api/test/**").authenticated();
        }
    }
}
