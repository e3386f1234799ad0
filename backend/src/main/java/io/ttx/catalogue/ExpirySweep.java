package io.ttx.catalogue;

import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Marks published listings whose validity has ended as EXPIRED, with their event (so search drops them). Reads
 * already show such listings as EXPIRED before the sweep; the sweep makes it durable and tells the consumers.
 */
@Component
class ExpirySweep extends LeasedJob {
    private final List<ListingCatalogue<?, ?, ?>> listings;

    ExpirySweep(List<ListingCatalogue<?, ?, ?>> listings, Leases leases, CatalogueProperties props) {
        super("sweep:expiry", props.expirySweepInterval(), leases);
        this.listings = listings;
    }

    @Override
    protected Mono<Long> runOnce(Lease lease) {
        return Flux.fromIterable(listings).concatMap(l -> l.expireDue(lease.fence())).reduce(0L, Long::sum);
    }
}
