package io.ttx.vouchers;

import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.vouchers.domain.Settlement;
import io.ttx.vouchers.peers.PeerDirectory;
import io.ttx.shared.jobs.Fence;
import io.ttx.vouchers.persistence.SettlementDocument;
import io.ttx.vouchers.persistence.SettlementStore;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Settlement batches (module API). Creating one fixes its cut-off ("now") in the batch document keyed by the admin and
 * the Idempotency-Key, takes every APPROVED redemption approved before the cut-off and in no batch (each by one
 * conditional write: a redemption joins exactly one batch), then writes the lines and the total from the redemptions
 * that joined, so the total is their sum to the fen, and the net position towards each peer platform of the voucher
 * federation (our agencies' redemptions of its vouchers against its agencies' redemptions of ours). Every step may run again: a replay of the key, or the recovery
 * for a batch a crash left PENDING, finishes the same batch with the same cut-off.
 */
@Service
public class Settlements {
    static final int MAX_PER_MONTH = 500;
    private final SettlementStore store;
    private final PeerDirectory peers;
    private final Clock clock;

    Settlements(SettlementStore store, PeerDirectory peers, Clock clock) {
        this.store = store;
        this.peers = peers;
        this.clock = clock;
    }

    public Mono<SettlementView> create(CurrentUser user, String key) {
        if (!user.has(Role.ADMIN)) return Mono.error(VoucherProblem.forbidden("only platform admins create settlement batches"));
        Instant now = clock.instant();
        SettlementDocument pending = new SettlementDocument(RedemptionKeys.id("stl_", user.subject(), key), key, user.subject(), now,
            SettlementDocument.PENDING, null, 0, 0, null, null);
        return store.claim(pending).switchIfEmpty(Mono.just(pending)).flatMap(b -> finish(b, Fence.NONE)).map(SettlementView::of);
    }

    /**
     * Takes the redemptions due and writes the lines of a PENDING batch (repeatable); a COMPLETE batch as it is. The
     * recovery's writes carry its fence ({@code fence}), a request's none.
     */
    Mono<SettlementDocument> finish(SettlementDocument b, Fence fence) {
        if (b.status().equals(SettlementDocument.COMPLETE)) return Mono.just(b);
        Flux<Settlement.Item> items = store.members(b.id()).map(this::item).concatWith(store.federatedMembers(b.id()).map(Settlements::outgoing));
        return store.take(b.id(), b.cutoff(), clock.instant(), fence).thenMany(items).collectList().flatMap(members -> {
            List<Settlement.Line> lines = Settlement.lines(members);
            List<SettlementDocument.Line> stored = lines.stream()
                .map(l -> new SettlementDocument.Line(l.issuerRegion(), l.providerRegion(), l.count(), l.amount())).toList();
            List<SettlementDocument.Position> positions = Settlement.positions(members).stream()
                .map(p -> new SettlementDocument.Position(p.peer(), p.owesUs(), p.weOwe())).toList();
            return store.complete(b.id(), stored, positions, members.size(), Settlement.total(lines), clock.instant(), fence);
        });
    }

    /**
     * A redemption of one of our vouchers; one a peer's agency made (federated) is what we owe that peer, attributed to
     * the peer we know hosting the agency's province (its name in ttx.vouchers.peers), else to the calling client.
     */
    private Settlement.Item item(Document d) {
        String issuer = d.getString("issuerRegion");
        String provider = d.getString("agencyRegion");
        Object federation = d.get("federation");
        if (!(federation instanceof Document f)) return new Settlement.Item(issuer, provider, subsidy(d));
        String peer = peers.hosting(provider).map(c -> c.peer().name()).orElse(f.getString("peer"));
        return new Settlement.Item(issuer, provider, subsidy(d), Settlement.Flow.WE_OWE, peer);
    }

    /** Our agency's redemption of a peer's voucher: the peer owes us its subsidy. */
    private static Settlement.Item outgoing(Document d) {
        return new Settlement.Item(d.getString("issuerRegion"), d.getString("agencyRegion"), subsidy(d), Settlement.Flow.OWES_US, d.getString("peer"));
    }

    private static long subsidy(Document d) {
        return d.get("subsidy") instanceof Number n ? n.longValue() : 0;
    }

    public Mono<SettlementView> get(CurrentUser user, String id) {
        return store.find(id).map(SettlementView::of).switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("settlement batch", id)));
    }

    /** The batches whose cut-off falls in the month (China time; null: the current one), oldest first. */
    public Mono<List<SettlementView>> inMonth(CurrentUser user, @Nullable YearMonth period) {
        YearMonth month = period != null ? period : YearMonth.from(clock.instant().atZone(VoucherLedger.CHINA));
        Instant from = month.atDay(1).atStartOfDay(VoucherLedger.CHINA).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(VoucherLedger.CHINA).toInstant();
        return store.cutBetween(from, to, MAX_PER_MONTH).map(SettlementView::of).collectList();
    }

    /** The lines as CSV: issuerRegion,providerRegion,count,amount (yuan with two decimals), one line per row, then the total. */
    public Mono<String> csv(CurrentUser user, String id) {
        return get(user, id).map(v -> {
            StringBuilder sb = new StringBuilder("issuerRegion,providerRegion,count,amount\r\n");
            for (SettlementView.Line l : v.lines()) {
                sb.append(l.issuerRegion()).append(',').append(l.providerRegion()).append(',').append(l.count()).append(',')
                    .append(l.amount().amount()).append("\r\n");
            }
            sb.append("TOTAL,,").append(v.count()).append(',').append(v.total().amount()).append("\r\n");
            return sb.toString();
        });
    }
}
