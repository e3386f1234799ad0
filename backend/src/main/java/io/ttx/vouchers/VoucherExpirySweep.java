package io.ttx.vouchers;

import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import io.ttx.vouchers.persistence.VoucherStore;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Expires ACTIVE vouchers past their last valid day, China time (one replica at a time, every
 * {@code ttx.vouchers.expiry-sweep-interval}): each by one write of the voucher on its version with its EXPIRED ledger
 * entry, after which its remainder counts as returned to the programme's budget. Repeatable: an expired voucher is not
 * due any more.
 */
final class VoucherExpirySweep extends LeasedJob {
    private static final int BATCH = 500;
    private final VoucherStore vouchers;
    private final VoucherLedger ledger;
    private final Clock clock;

    VoucherExpirySweep(VoucherStore vouchers, VoucherLedger ledger, VoucherProperties props, Leases leases, Clock clock) {
        super("sweep:voucher-expiry", props.expirySweepInterval(), leases);
        this.vouchers = vouchers;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce(Lease lease) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VoucherLedger.CHINA);
        return vouchers.dueToExpire(today, BATCH).concatMap(d -> ledger.expire(d, today, lease.fence())).filter(expired -> expired).count();
    }
}
