package io.ttx.vouchers;

import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.vouchers.domain.Caller;
import io.ttx.vouchers.domain.LedgerEntry;
import io.ttx.vouchers.domain.Rating;
import io.ttx.vouchers.domain.Redeeming;
import io.ttx.vouchers.domain.RedemptionStatus;
import io.ttx.vouchers.domain.VoucherCodes;
import io.ttx.vouchers.domain.Performance;
import io.ttx.vouchers.persistence.AgencyStore;
import io.ttx.shared.jobs.Fence;
import io.ttx.vouchers.persistence.InvoiceClaimStore;
import io.ttx.vouchers.persistence.RedemptionDocument;
import io.ttx.vouchers.persistence.RedemptionStore;
import io.ttx.vouchers.persistence.VoucherStore;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Redemptions after the debit (module API): reading them, the approval queue, the issuing province's decision, the
 * refund of a rejection and the holder's rating. A rejection is decided on the redemption first (one conditional
 * write from SUBMITTED), then its subsidy goes back to the voucher (one write on the voucher's version with its
 * REFUNDED entry, made once: the ledger says whether it was) and the invoice is released; {@link RedemptionRecovery}
 * finishes refunds a crash interrupted.
 */
@Service
public class RedemptionReviews {
    private final RedemptionStore redemptions;
    private final VoucherStore vouchers;
    private final InvoiceClaimStore invoices;
    private final AgencyStore agencies;
    private final Clock clock;

    RedemptionReviews(RedemptionStore redemptions, VoucherStore vouchers, InvoiceClaimStore invoices, AgencyStore agencies, Clock clock) {
        this.agencies = agencies;
        this.redemptions = redemptions;
        this.vouchers = vouchers;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** The redemption, if the caller may see it (404 otherwise). */
    public Mono<RedemptionView> get(CurrentUser user, String id) {
        return visible(user, id).map(RedemptionView::of);
    }

    /**
     * Newest first: the issuing province's (region admins: the approval queue with status SUBMITTED), the agency's own,
     * the holder's own, all (admins, auditors); optionally of one status and one voucher.
     */
    public Mono<RedemptionList> list(CurrentUser user, @Nullable RedemptionStatus status, @Nullable String voucherId, @Nullable String before,
                                     int size) {
        List<Criteria> scopes = scopes(user);
        if (scopes != null && scopes.isEmpty()) return Mono.just(new RedemptionList(List.of(), null));
        List<Criteria> all = new ArrayList<>();
        if (scopes != null) all.add(new Criteria().orOperator(scopes));
        all.add(status == null ? Criteria.where("status").in(Redemptions.shownStatuses()) : Criteria.where("status").is(status.name()));
        if (voucherId != null) all.add(Criteria.where("voucherId").is(voucherId));
        return redemptions.page(new Criteria().andOperator(all), before, size).collectList()
            .map(docs -> new RedemptionList(docs.stream().map(RedemptionView::of).toList(), docs.isEmpty() ? null : docs.getLast().order()));
    }

    /** A page of redemptions and where the next one starts ({@code last}: the position of the last item, null when empty). */
    public record RedemptionList(List<RedemptionView> items, @Nullable String last) { }

    /** A region admin of the issuing province approves or rejects a SUBMITTED redemption (see {@link Redeeming#decide}). */
    public Mono<RedemptionView> decide(CurrentUser user, String id, boolean approve, @Nullable String note) {
        Caller caller = VoucherCallers.of(user);
        return visible(user, id).flatMap(d -> {
            RedemptionStatus next = VoucherProblem.decided(Redeeming.decide(d.issuerRegion(), RedemptionStatus.valueOf(d.status()), caller, approve));
            return redemptions.decided(id, next.name(), user.subject(), note, clock.instant())
                .switchIfEmpty(Mono.defer(() -> redemptions.find(id).flatMap(now -> Mono.error(new VoucherProblem(VoucherCodes.REDEMPTION_DECIDED,
                    VoucherProblem.Kind.CONFLICT, "The redemption is " + now.status() + ".")))))
                .flatMap(decided -> approve ? Mono.just(decided) : refund(decided, Fence.NONE).then(redemptions.find(id)));
        }).map(RedemptionView::of);
    }

    /**
     * Gives a rejected (or voided) redemption's subsidy back (once: the ledger tells), releases its invoice, and records
     * the refund; the recovery's writes carry its fence ({@code fence}), a request's none.
     */
    Mono<Void> refund(RedemptionDocument d, Fence fence) {
        return Mono.defer(() -> vouchers.find(d.voucherId())).flatMap(vd -> {
            boolean done = vd.ledger().stream().anyMatch(e -> e.type() == LedgerEntry.Type.REFUNDED && d.id().equals(e.redemptionId()));
            if (done || d.subsidy() == 0) return Mono.just(true);
            Instant now = clock.instant();
            Redeeming.Refund back = Redeeming.refund(vd.voucher(), d.subsidy(), now);
            String step = d.status().equals(RedemptionDocument.VOIDED) ? "void:" : "reject:";
            LedgerEntry e = new LedgerEntry(LedgerEntry.Type.REFUNDED, d.subsidy(), step + d.id(),
                d.id(), d.decidedBy() == null ? "recovery" : d.decidedBy(), now, d.note());
            return vouchers.change(back.voucher(), vd.version(), e, fence).map(x -> true).switchIfEmpty(Mono.error(Redemptions.LostRace::new));
        }).retryWhen(Races.atOnce(Redemptions.LostRace.class, Races.TIMES))
            .then(invoices.release(InvoiceClaimStore.key(d.agencyOrg(), d.invoiceNumber()), d.id(), fence))
            .then(redemptions.refunded(d.id(), fence));
    }

    /** The holder rates a redemption once (see {@link Rating#rate}). */
    public Mono<RedemptionView> rate(CurrentUser user, String id, int score, String comment, boolean complaint) {
        Caller caller = VoucherCallers.of(user);
        return visible(user, id).flatMap(d -> {
            Rating r = VoucherProblem.decided(Rating.rate(caller, d.holderOrg(), RedemptionStatus.valueOf(d.status()), d.rating() != null, score,
                comment, complaint));
            return redemptions.rated(id, new RedemptionDocument.RatingEntry(r.score(), r.comment(), r.complaint(), user.subject(), clock.instant()))
                .switchIfEmpty(Mono.error(() -> new VoucherProblem(VoucherCodes.ALREADY_RATED, VoucherProblem.Kind.CONFLICT,
                    "The redemption is rated already.")));
        }).map(RedemptionView::of);
    }

    /**
     * The post-subsidy figures of an agency's admission over its live redemptions created in {@code year} (China time;
     * null: this year):
     * for region admins, the agency's own organisation, admins and auditors (404 for an unknown agency, 403 otherwise).
     */
    public Mono<PerformanceView> performance(CurrentUser user, String agencyId, @Nullable Integer asked) {
        int year = asked != null ? asked : LocalDate.ofInstant(clock.instant(), VoucherLedger.CHINA).getYear();
        return agencies.find(agencyId).switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("service agency", agencyId))).flatMap(a -> {
            boolean allowed = user.hasAny(Role.ADMIN, Role.AUDITOR, Role.REGION_ADMIN) || user.has(Role.AGENCY) && a.agency().org().equals(user.org());
            if (!allowed) return Mono.error(VoucherProblem.forbidden("the agency's figures are for region admins, the agency, admins and auditors"));
            Instant from = LocalDate.of(year, 1, 1).atStartOfDay(VoucherLedger.CHINA).toInstant();
            Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(VoucherLedger.CHINA).toInstant();
            return redemptions.ofAgency(agencyId, from, to)
                .map(d -> new Performance.Item(d.holderOrg(), d.subsidy(), d.invoiceAmount(), d.rating() == null ? null : d.rating().score(),
                    d.rating() != null && d.rating().complaint()))
                .collectList().map(items -> PerformanceView.of(agencyId, year, Performance.of(items)));
        });
    }

    private Mono<RedemptionDocument> visible(CurrentUser user, String id) {
        Caller c = VoucherCallers.of(user);
        return redemptions.find(id)
            .filter(d -> !d.status().equals(RedemptionDocument.PENDING) && !d.status().equals(RedemptionDocument.REFUSED))
            .filter(d -> user.hasAny(Role.ADMIN, Role.AUDITOR) || c.administers(d.issuerRegion())
                || user.has(Role.AGENCY) && d.agencyOrg().equals(user.org()) || user.has(Role.ENTERPRISE) && d.holderOrg().equals(user.org()))
            .switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("redemption", id)));
    }

    private static @Nullable List<Criteria> scopes(CurrentUser user) {
        if (user.hasAny(Role.ADMIN, Role.AUDITOR)) return null;
        List<Criteria> scopes = new ArrayList<>();
        Caller c = VoucherCallers.of(user);
        if (user.org() != null && user.has(Role.ENTERPRISE)) scopes.add(Criteria.where("holderOrg").is(user.org()));
        if (user.org() != null && user.has(Role.AGENCY)) scopes.add(Criteria.where("agencyOrg").is(user.org()));
        if (c.roles().contains(Caller.Role.REGION_ADMIN) && c.province() != null) scopes.add(Criteria.where("issuerRegion").is(c.province()));
        return scopes;
    }
}
