package io.ttx.vouchers;

import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import io.ttx.vouchers.persistence.ProgrammeStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Finishes issuances a crash left half-way (one replica at a time, every {@code ttx.vouchers.recovery-interval}, as
 * the redemptions' recovery): an issuance pending for more than a minute is completed when its voucher was written,
 * else its budget and yearly caps are given back.
 */
final class IssueRecovery extends LeasedJob {
    static final Duration GRACE = Duration.ofMinutes(1);
    private final ProgrammeStore programmes;
    private final VoucherLedger ledger;
    private final Clock clock;

    IssueRecovery(ProgrammeStore programmes, VoucherLedger ledger, VoucherProperties props, Leases leases, Clock clock) {
        super("sweep:voucher-issues", props.recoveryInterval(), leases);
        this.programmes = programmes;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce(Lease lease) {
        var before = clock.instant().minus(GRACE);
        return programmes.withPendingBefore(before, 100)
            .concatMap(doc -> Flux.fromIterable(doc.pending()).filter(p -> p.at().isBefore(before)).concatMap(p -> ledger.recover(doc.id(), p, lease.fence())))
            .count();
    }
}
