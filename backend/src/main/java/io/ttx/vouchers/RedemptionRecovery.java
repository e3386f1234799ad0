package io.ttx.vouchers;

import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import io.ttx.shared.jobs.Fence;
import io.ttx.vouchers.persistence.RedemptionDocument;
import io.ttx.vouchers.persistence.RedemptionStore;
import io.ttx.vouchers.persistence.SettlementStore;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Finishes what crashes leave of redemptions (one replica at a time, every {@code ttx.vouchers.recovery-interval}): a
 * redemption PENDING with an owner silent for {@code ttx.vouchers.redemption-timeout} is taken over and decided (the
 * voucher's ledger tells whether its debit happened), a rejection whose refund is not recorded gets it, and a
 * settlement batch left PENDING as long is finished with its cut-off, and a peer's authorization not captured within
 * {@code ttx.vouchers.authorization-ttl} is voided.
 */
final class RedemptionRecovery extends LeasedJob {
    private static final int BATCH = 200;
    private final RedemptionStore store;
    private final Redemptions redemptions;
    private final RedemptionReviews reviews;
    private final Settlements settlements;
    private final SettlementStore batches;
    private final FederatedRedemptions federated;
    private final VoucherProperties props;
    private final Clock clock;

    RedemptionRecovery(RedemptionStore store, Redemptions redemptions, RedemptionReviews reviews, Settlements settlements, SettlementStore batches,
                       FederatedRedemptions federated, VoucherProperties props, Leases leases, Clock clock) {
        super("sweep:voucher-redemptions", props.recoveryInterval(), leases);
        this.store = store;
        this.redemptions = redemptions;
        this.reviews = reviews;
        this.settlements = settlements;
        this.batches = batches;
        this.federated = federated;
        this.props = props;
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce(Lease lease) {
        var before = clock.instant().minus(props.redemptionTimeout());
        Fence fence = lease.fence();
        return store.unfinished(before, BATCH)
            .concatMap(d -> (d.status().equals(RedemptionDocument.PENDING) ? redemptions.recover(d, lease.fence()).then() : reviews.refund(d, fence))
                .onErrorResume(VoucherProblem.class, e -> Mono.empty()).thenReturn(d))
            .count()
            .flatMap(n -> batches.pendingBefore(before, BATCH).concatMap(b -> settlements.finish(b, fence)).count().map(m -> n + m))
            .flatMap(n -> store.authorizedBefore(clock.instant().minus(props.authorizationTtl()), BATCH)
                .concatMap(d -> federated.voidIt(d, "ttl", fence).thenReturn(d)).count().map(m -> n + m));
    }
}
