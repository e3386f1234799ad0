package io.ttx.vouchers;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import io.ttx.vouchers.peers.PeerProperties;
import io.ttx.vouchers.persistence.FederatedRedemptionStore;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Resolves our agencies' federated redemptions left PENDING (a timeout, a 5xx, a crash between steps) by asking the
 * issuer's platform about their keys (one replica at a time, every {@code ttx.vouchers.recovery-interval}, for
 * records PENDING longer than {@code ttx.vouchers.federation.reconcile-after}), and follows the issuer's decisions on
 * captured ones (SUBMITTED or APPROVED there, looked at again every {@code reconcile-after}) until REJECTED or SETTLED.
 */
final class FederationReconciliation extends LeasedJob {
    private static final int BATCH = 100;
    private final FederatedRedemptionStore store;
    private final OutgoingRedemptions outgoing;
    private final PeerProperties props;
    private final Clock clock;

    FederationReconciliation(FederatedRedemptionStore store, OutgoingRedemptions outgoing, PeerProperties props, VoucherProperties vouchers,
                             Leases leases, Clock clock) {
        super("sweep:federated-redemptions", vouchers.recoveryInterval(), leases);
        this.store = store;
        this.outgoing = outgoing;
        this.props = props;
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce(Lease lease) {
        var before = clock.instant().minus(props.reconcileAfter());
        Fence fence = lease.fence();
        return store.pendingBefore(before, BATCH).concatMap(d -> outgoing.reconcile(d, fence)).count()
            .flatMap(n -> store.awaitingIssuer(before, BATCH).concatMap(d -> outgoing.follow(d, fence)).count().map(m -> n + m));
    }
}
