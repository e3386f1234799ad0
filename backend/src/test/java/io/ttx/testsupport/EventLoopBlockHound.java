package io.ttx.testsupport;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * BlockHound's rules for the integration-test JVM (installed by {@link IntegrationTest}, registered in
 * {@code META-INF/services}). Reactor's own integration already makes its {@code parallel} and {@code single}
 * threads non-blocking, and Netty's makes every Netty event loop non-blocking (the MongoDB driver's too); this names
 * reactor-netty's loops (server and clients) as well, declares the valuation engine blocking (it is CPU-bound, and a
 * long computation on an event loop stalls every connection of that loop just as a blocking call does) and records
 * every blocking call it stops (see {@link #drain()}). Every allowance is listed with its reason in docs/decisions.md
 * (BlockHound).
 */
public class EventLoopBlockHound implements BlockHoundIntegration {
    /**
     * reactor-netty's loop threads: {@code reactor-http-epoll-N}/{@code reactor-http-nio-N} of its global resources, and
     * {@code webflux-http-...} of Spring's ReactorResourceFactory when it owns its loops (as in the test context).
     */
    static final List<String> NETTY_LOOP_PREFIXES = List.of("reactor-http-", "webflux-http-");

    /** Every blocking call BlockHound stopped and not yet reported (see {@link #drain()}). */
    private static final Queue<Detection> DETECTED = new ConcurrentLinkedQueue<>();

    /** A blocking call BlockHound stopped: the thread it was made on and the error thrown there. */
    public record Detection(String thread, BlockingOperationError error) {
        @Override
        public String toString() {
            return error.getMessage() + " on " + thread;
        }
    }

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.nonBlockingThreadPredicate(p -> p.or(EventLoopBlockHound::isNettyEventLoop));
        // recorded as well as thrown: a library may swallow the error (a Netty handler only logs it), and the test
        // must still fail (IntegrationTest checks after each test)
        builder.blockingMethodCallback(method -> {
            BlockingOperationError error = new BlockingOperationError(method);
            DETECTED.add(new Detection(Thread.currentThread().getName(), error));
            throw error;
        });
        // SecureRandom (Ids, UUID.randomUUID) on Linux: NativePRNG mixes in bytes of /dev/urandom, read into a 32-byte
        // buffer refilled when used up or 100 ms old; /dev/urandom never blocks once the kernel is seeded
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "ensureBufferValid");
        // Hibernate Validator reads ValidationMessages.properties from the class path at the first constraint failure
        // of a locale, then caches the bundle: a one-off class-path read, like class loading
        builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle");
        builder.markAsBlocking("io.ttx.valuation.domain.ValuationEngine", "evaluate",
            "(Lio/ttx/valuation/domain/ValuationRequest;)Lio/ttx/valuation/domain/ValuationResult;");
    }

    /** The blocking calls stopped since the last drain, oldest first; they are forgotten. */
    public static List<Detection> drain() {
        List<Detection> found = new ArrayList<>();
        for (Detection d; (d = DETECTED.poll()) != null; ) found.add(d);
        return found;
    }

    public static boolean isNettyEventLoop(Thread thread) {
        return isNettyEventLoopName(thread.getName());
    }

    public static boolean isNettyEventLoopName(String threadName) {
        return NETTY_LOOP_PREFIXES.stream().anyMatch(threadName::startsWith);
    }
}
