package io.ttx.shared.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The number of dead letters as the gauge {@code ttx_outbox_dead_letters}. The gauge reads a cached count, never the
 * database (a scrape must not block on MongoDB): refreshed whenever this replica adds or retries dead letters, and
 * every 30 s for those other replicas added.
 */
@Component
class DeadLetterCount implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterCount.class);
    private static final Duration REFRESH = Duration.ofSeconds(30);
    private final ReactiveMongoTemplate mongo;
    private final AtomicLong count = new AtomicLong();
    private Disposable refreshing = Disposables.disposed();

    DeadLetterCount(ReactiveMongoTemplate mongo, MeterRegistry registry) {
        this.mongo = mongo;
        Gauge.builder("ttx.outbox.dead.letters", count, AtomicLong::get)
            .description("Outbox events a consumer gave up on (GET /api/v1/admin/outbox/dead-letters)").register(registry);
    }

    /** Counts the dead letters again; emits the new count. */
    Mono<Long> refresh() {
        return mongo.count(Query.query(Criteria.where(DeliveryLog.DEAD_LETTER_ID).exists(true)), DeliveryLog.COLLECTION).doOnNext(count::set);
    }

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, REFRESH).onBackpressureDrop()
            .concatMap(t -> refresh().onErrorResume(e -> {
                log.warn("could not count the outbox dead letters, the gauge keeps {}: {}", count.get(), e.toString());
                return Mono.empty();
            }))
            .subscribe();
    }

    @Override
    public void stop() {
        refreshing.dispose();
    }

    @Override
    public boolean isRunning() {
        return !refreshing.isDisposed();
    }
}
