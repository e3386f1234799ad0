package io.ttx.documents.storage;

import io.ttx.shared.stores.StoreProperties;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload threads are ours, named, fixed in number, and refuse work beyond their queue instead of growing. */
class UploadThreadsTests {
    @Test
    void twoThreadsAndAQueueOfOneRefuseTheFourthUpload() throws Exception {
        UploadThreads threads = new UploadThreads(settings(2, 1));
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> waitFor(release), threads.executor());
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> waitFor(release), threads.executor());
            CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> waitFor(release), threads.executor());
            assertThatThrownBy(() -> CompletableFuture.runAsync(() -> { }, threads.executor())).isInstanceOf(RejectedExecutionException.class);
            release.countDown();
            assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS), queued.get(5, TimeUnit.SECONDS)))
                .allSatisfy(name -> assertThat(name).startsWith("s3-upload-"));
        } finally {
            threads.destroy();
        }
    }

    private static String waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Thread.currentThread().getName();
    }

    private static StoreProperties settings(int threads, int queue) {
        return new StoreProperties(new StoreProperties.Mongo("mongodb://x", "x", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                null, null, null, null, null),
            new StoreProperties.Elasticsearch(List.of(URI.create("http://x")), null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                30, 10, null),
            new StoreProperties.S3(URI.create("http://x"), "a", "b", "c", "d", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), threads, queue,
                null, null));
    }
}
