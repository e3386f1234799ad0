package io.ttx.catalogue;

import io.ttx.shared.outbox.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Marks published listings whose validity has ended as EXPIRED, with their event (so search drops them). Reads
 * already show such listings as EXPIRED before the sweep; the sweep makes it durable and tells the consumers.
 */
@Component
class ExpirySweep implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);
    private final java.util.List<ListingService<?, ?>> listings;
    private final Leases leases;
    private final CatalogueProperties props;
    private Disposable running = Disposables.disposed();

    ExpirySweep(java.util.List<ListingService<?, ?>> listings, Leases leases, CatalogueProperties props) {
        this.listings = listings;
        this.leases = leases;
        this.props = props;
    }

    @Override
    public void start() {
        running = Flux.interval(props.expirySweepInterval())
            .onBackpressureDrop()
            .concatMap(t -> leases.acquire("sweep:expiry", props.expirySweepInterval().multipliedBy(2))
                .flatMap(held -> held ? Flux.fromIterable(listings).concatMap(ListingService::expireDue).reduce(0L, Long::sum) : Mono.just(0L))
                .onErrorResume(e -> {
                    log.warn("expiry sweep failed, will retry: {}", e.toString());
                    return Mono.just(0L);
                }))
            .subscribe();
    }

    @Override
    public void stop() {
        running.dispose();
    }

    @Override
    public boolean isRunning() {
        return !running.isDisposed();
    }
}
