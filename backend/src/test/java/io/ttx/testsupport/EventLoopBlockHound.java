package io.ttx.testsupport;

import com.mongodb.connection.AsyncCompletionHandler;
import org.bson.ByteBuf;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * BlockHound's rules for the integration-test JVM (installed by {@link IntegrationTest}, registered in
 * {@code META-INF/services}). Reactor's own integration already makes its {@code parallel} and {@code single}
 * threads non-blocking, and Netty's makes every Netty event loop non-blocking (the MongoDB driver's too); this names
 * reactor-netty's loops (server and clients) as well, declares the valuation engine blocking (it is CPU-bound, and a
 * long computation on an event loop stalls every connection of that loop just as a blocking call does), records every
 * blocking call it stops (see {@link #drain()}) and allows a few libraries' short internal waits. Every allowance is
 * listed with its reason in docs/decisions.md (BlockHound).
 */
public class EventLoopBlockHound implements BlockHoundIntegration {
    /**
     * reactor-netty's loop threads: {@code reactor-http-epoll-N}/{@code reactor-http-nio-N} of its global resources, and
     * {@code webflux-http-...} of Spring's ReactorResourceFactory when it owns its loops (as in the test context).
     */
    static final List<String> NETTY_LOOP_PREFIXES = List.of("reactor-http-", "webflux-http-");

    static final String MONGO_NETTY_STREAM = "com.mongodb.internal.connection.netty.NettyStream";
    /** The driver's handler of every completed read (an anonymous class: checked, so a driver upgrade cannot move it silently). */
    static final String MONGO_READ_COMPLETION = "com.mongodb.internal.connection.InternalStreamConnection$2";

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
        // webjars-locator-lite reads a webjar's pom.properties from the class path the first time its version is asked
        // for (Spring's /webjars/** resolver, on the first request), then caches it: a one-off class-path read
        builder.allowBlockingCallsInside("org.webjars.WebJarVersionLocator", "version");
        // Jackson builds a type's deserializer once, under a lock, then caches it; a second thread needing the same
        // not-yet-cached deserializer waits for the first one to finish building it (milliseconds, once per type)
        // instead of building it twice. Lookups of cached deserializers never take the lock.
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        // Spring Data's mapping context reads its entity cache under a read lock and builds the metadata of a type seen
        // for the first time under the write lock (in memory: reflection over the class, once per type); a query on an
        // event loop that needs a cached entity (or the list of all, as index creation does) while another thread adds a
        // new one waits for that build
        for (String method : new String[] {"getPersistentEntity", "getPersistentEntities", "addPersistentEntity"}) {
            builder.allowBlockingCallsInside("org.springframework.data.mapping.context.AbstractMappingContext", method);
        }
        // Cancelling a periodic task (Flux.interval's, e.g. a lease's renewals when its round ends) removes it from the
        // scheduler's ScheduledThreadPoolExecutor queue, whose lock it may wait for briefly: Reactor's own integration
        // allows exactly this for SchedulerTask and WorkerTask.dispose, but not for its periodic worker task
        builder.allowBlockingCallsInside("reactor.core.scheduler.PeriodicWorkerTask", "dispose");
        // and scheduling one (setFuture) takes the same executor's queue lock
        builder.allowBlockingCallsInside("reactor.core.scheduler.PeriodicWorkerTask", "setFuture");
        // Netty's adaptive buffer allocator, when its magazines are contended, grows their array and frees the old
        // magazines, each under its own short lock; Netty's integration allows its other allocator locks, not this one
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        // The MongoDB driver guards its in-memory state (connection pool queue and permits, cluster clock, a stream's
        // received buffers) with short locks taken on whatever thread calls it: our event loops when a request starts
        // a query, the driver's Netty loops when a reply arrives. Under contention a thread waits microseconds for
        // another to finish a few field and queue updates; no lock is held across I/O. Allowed where the driver takes
        // them: its lock helpers (checkedWithLock also runs the guarded section, lockInterruptibly only acquires) and a
        // stream's read, which takes its lock directly. The continuation of a reply (the driver's callback, then
        // Spring Data and our code) runs inside that read: it is checked again from the driver's completion handler on.
        builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "checkedWithLock");
        builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "lockInterruptibly");
        builder.allowBlockingCallsInside(MONGO_NETTY_STREAM, "readAsync");
        builder.disallowBlockingCallsInside(mongoReadCompletion(), "completed");
        builder.disallowBlockingCallsInside(mongoReadCompletion(), "failed");
        // Hibernate Validator caches each bean class's constraint metadata in a segmented map on first validation: two
        // requests validating a class at once wait for each other's insert (a short segment lock, no I/O)
        builder.allowBlockingCallsInside("org.hibernate.validator.internal.util.ConcurrentReferenceHashMap$Segment", "put");
        // The Elasticsearch client's connection pool (Apache HttpCore 5) leases a connection under a short lock taken on
        // the calling thread, our event loop when a request sends a search: under contention (several searches, the
        // indexer) a thread waits for another's few list updates; no I/O happens under the lock (connecting and the
        // exchange run on the client's own I/O reactor threads, where the response continues).
        builder.allowBlockingCallsInside("org.apache.hc.core5.pool.StrictConnPool", "lease");
        builder.markAsBlocking("io.ttx.valuation.domain.ValuationEngine", "evaluate",
            "(Lio/ttx/valuation/domain/ValuationRequest;)Lio/ttx/valuation/domain/ValuationResult;");
    }

    /** {@link #MONGO_READ_COMPLETION}, once checked to be the driver's handler of reads (an AsyncCompletionHandler of ByteBuf). */
    private static String mongoReadCompletion() {
        try {
            Class<?> handler = Class.forName(MONGO_READ_COMPLETION, false, EventLoopBlockHound.class.getClassLoader());
            for (Type type : handler.getGenericInterfaces()) {
                if (type instanceof ParameterizedType p && p.getRawType() == AsyncCompletionHandler.class
                    && p.getActualTypeArguments()[0] == ByteBuf.class) return MONGO_READ_COMPLETION;
            }
        } catch (ClassNotFoundException e) {
            // reported below
        }
        throw new IllegalStateException(MONGO_READ_COMPLETION + " is no longer the MongoDB driver's read completion handler: "
            + "find the new one (InternalStreamConnection.readAsync) and update EventLoopBlockHound");
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
