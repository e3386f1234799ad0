package io.ttx.shared.stores;

import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;

/**
 * Bridges the async SDKs (Elasticsearch, MinIO) to Reactor. The supplier form keeps the call lazy: nothing is sent
 * until subscription, so retries re-send. MinIO's builders throw checked exceptions, hence the functional interface.
 */
public final class Async {
    private Async() { }

    /** A call returning a future, possibly throwing before it does. */
    @FunctionalInterface
    public interface Call<T> {
        CompletableFuture<T> start() throws Exception;
    }

    public static <T> Mono<T> mono(Call<T> call) {
        return Mono.fromFuture(() -> {
            try {
                return call.start();
            } catch (Exception e) {
                throw Exceptions.propagate(e);
            }
        });
    }
}
