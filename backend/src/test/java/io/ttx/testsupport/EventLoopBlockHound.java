package io.ttx.testsupport;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

import java.util.List;

/**
 * BlockHound's rules for the integration-test JVM (installed by {@link IntegrationTest}, registered in
 * {@code META-INF/services}). Reactor's own integration already makes its {@code parallel} and {@code single}
 * threads non-blocking; this adds reactor-netty's event loops (server and clients) and declares the valuation engine
 * blocking: it is CPU-bound, and a long computation on an event loop stalls every connection of that loop just as a
 * blocking call does. Every allowance is listed with its reason in docs/decisions.md (BlockHound).
 */
public class EventLoopBlockHound implements BlockHoundIntegration {
    /**
     * reactor-netty's loop threads: {@code reactor-http-epoll-N}/{@code reactor-http-nio-N} of its global resources, and
     * {@code webflux-http-...} of Spring's ReactorResourceFactory when it owns its loops (as in the test context).
     */
    static final List<String> NETTY_LOOP_PREFIXES = List.of("reactor-http-", "webflux-http-");

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.nonBlockingThreadPredicate(p -> p.or(EventLoopBlockHound::isNettyEventLoop));
        // SecureRandom (Ids, UUID.randomUUID) on Linux: NativePRNG mixes in bytes of /dev/urandom, read into a 32-byte
        // buffer refilled when used up or 100 ms old; /dev/urandom never blocks once the kernel is seeded
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "ensureBufferValid");
        // Hibernate Validator reads ValidationMessages.properties from the class path at the first constraint failure
        // of a locale, then caches the bundle: a one-off class-path read, like class loading
        builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle");
        builder.markAsBlocking("io.ttx.valuation.domain.ValuationEngine", "evaluate",
            "(Lio/ttx/valuation/domain/ValuationRequest;)Lio/ttx/valuation/domain/ValuationResult;");
    }

    public static boolean isNettyEventLoop(Thread thread) {
        String name = thread.getName();
        return NETTY_LOOP_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
