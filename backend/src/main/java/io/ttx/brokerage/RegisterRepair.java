package io.ttx.brokerage;

import io.ttx.brokerage.domain.DealStage;
import io.ttx.brokerage.persistence.DealDocument;
import io.ttx.brokerage.persistence.DealStore;
import io.ttx.brokerage.persistence.RegisterDocument;
import io.ttx.brokerage.persistence.RegisterDocument.SignedGrant;
import io.ttx.brokerage.persistence.RegisterStore;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Repairs what a crash between two writes leaves in the registers (one replica at a time, every
 * {@code ttx.brokerage.repair-interval}): a reservation whose deal was signed is confirmed, one whose deal never got
 * there is removed (the signature failed); a buyer slot whose deal does not exist or is no longer active is freed.
 * Only records older than {@code repair-grace}, so a request still between its two writes is left alone. Both writes
 * carry the lease's token ({@code fences.sweep:deal-registers}), so a replica that paused past its lease cannot undo
 * what its successor decided on a register.
 */
final class RegisterRepair extends LeasedJob {
    private static final Set<DealStage> SIGNED = EnumSet.of(DealStage.CONTRACT_SIGNED, DealStage.REGISTERED, DealStage.CLOSED,
        DealStage.TERMINATED);
    private static final int BATCH = 200;
    private final DealStore deals;
    private final RegisterStore registers;
    private final BrokerageProperties props;
    private final Clock clock;

    RegisterRepair(DealStore deals, RegisterStore registers, BrokerageProperties props, Leases leases, Clock clock) {
        super("sweep:deal-registers", props.repairInterval(), leases);
        this.deals = deals;
        this.registers = registers;
        this.props = props;
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce(Lease lease) {
        Instant before = clock.instant().minus(props.repairGrace());
        return registers.all(BATCH).concatMap(reg -> repair(reg, before, lease.fence())).reduce(0L, Long::sum);
    }

    private Mono<Long> repair(RegisterDocument reg, Instant before, Fence fence) {
        List<String> ids = new ArrayList<>(reg.openBuyers().values());
        reg.grants().stream().filter(g -> !g.confirmed()).map(SignedGrant::dealId).forEach(ids::add);
        if (ids.isEmpty()) return Mono.just(0L);
        return deals.byIds(ids).collectMap(DealDocument::id, Function.identity()).flatMap(found -> {
            Mono<Long> grants = registers.rewriteGrants(reg.id(), gs -> gs.stream()
                .filter(g -> g.confirmed() || g.reservedAt().isAfter(before) || signed(found, g.dealId()))
                .map(g -> !g.confirmed() && signed(found, g.dealId()) ? g.confirm() : g).toList(), fence).thenReturn(0L);
            Flux<Long> slots = Flux.fromIterable(reg.openBuyers().entrySet())
                .filter(e -> stale(found.get(e.getValue()), e.getValue(), before))
                .concatMap(e -> registers.releaseBuyer(reg.id(), e.getKey(), e.getValue(), fence).thenReturn(1L));
            return grants.then(slots.reduce(0L, Long::sum));
        });
    }

    private static boolean signed(Map<String, DealDocument> found, String dealId) {
        DealDocument d = found.get(dealId);
        return d != null && SIGNED.contains(d.deal().stage());
    }

    /** A slot whose deal is not active, or missing although the id's creation time is past the grace. */
    private static boolean stale(@Nullable DealDocument deal, String dealId, Instant before) {
        if (deal != null) return !deal.deal().isActive();
        return Ids.createdAt(dealId).map(t -> t.isBefore(before)).orElse(true);
    }
}
