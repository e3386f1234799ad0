package io.ttx.testsupport;

import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.blockhound.BlockingOperationError;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The canary: BlockHound is active in this JVM, so a blocking call on a non-blocking thread fails. */
class BlockHoundIT extends IntegrationTest {
    /** The loops the server runs on. */
    @Autowired
    ReactorResourceFactory serverLoops;

    @Test
    void blockingOnAReactorParallelThreadFails() {
        Throwable thrown = catchThrowable(() -> Mono.fromCallable(() -> {
            Thread.sleep(1);
            return 1;
        }).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)));
        assertThat(Exceptions.unwrap(thrown)).isInstanceOf(BlockingOperationError.class);
        assertThat(EventLoopBlockHound.drain()).singleElement().matches(d -> d.thread().startsWith("parallel-"), "on a parallel thread");
    }

    @Test
    void blockingOnANettyEventLoopFails() {
        EventLoopGroup loops = serverLoops.getLoopResources().onServer(true);
        Throwable thrown = catchThrowable(() -> Mono.fromCallable(() -> {
            Thread.sleep(1);
            return Thread.currentThread().getName();
        }).subscribeOn(Schedulers.fromExecutor(loops.next())).block(Duration.ofSeconds(10)));
        assertThat(Exceptions.unwrap(thrown)).isInstanceOf(BlockingOperationError.class);
        assertThat(EventLoopBlockHound.drain()).singleElement().matches(d -> EventLoopBlockHound.isNettyEventLoopName(d.thread()), "on an event loop");
    }

    @Test
    void blockingInARouteOnTheServersEventLoopIsAServerError() {
        api.get().uri("/api/test/blocking").header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
            .expectStatus().isEqualTo(500);
        assertThat(EventLoopBlockHound.drain()).singleElement()
            .matches(d -> d.error().getMessage().contains("sleep"), "the route's sleep");
    }

    /** A blocking call whose error is swallowed (as a Netty handler does) is still reported: the test after it fails. */
    @Test
    void aSwallowedBlockingErrorIsStillReported() {
        Mono.fromRunnable(() -> {
            try {
                Thread.sleep(1);
            } catch (Throwable swallowed) {
                // a library that catches everything
            }
        }).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10));
        assertThat(EventLoopBlockHound.drain()).hasSize(1);
    }

    @Test
    void theTestThreadMayBlock() throws InterruptedException {
        Thread.sleep(1); // not a non-blocking thread: tests may wait
        assertThat(Schedulers.isInNonBlockingThread()).isFalse();
    }
}
