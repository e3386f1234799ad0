package io.ttx.vouchers;

import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.vouchers.domain.Caller;
import io.ttx.vouchers.domain.Issuing;
import io.ttx.vouchers.domain.LedgerEntry;
import io.ttx.vouchers.domain.Programme;
import io.ttx.vouchers.domain.Voucher;
import io.ttx.vouchers.domain.VoucherCodes;
import io.ttx.vouchers.persistence.CapStore;
import io.ttx.vouchers.persistence.ProgrammeDocument;
import io.ttx.vouchers.persistence.ProgrammeDocument.PendingIssue;
import io.ttx.vouchers.persistence.ProgrammeStore;
import io.ttx.vouchers.persistence.VoucherDocument;
import io.ttx.vouchers.persistence.VoucherStore;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Vouchers (module API): issuance, reading, the ledger, revocation and expiry (redemption follows). Issuing spans three documents without a
 * transaction, each changed by one conditional write, in this order: the programme's budget (taken with the issuance
 * recorded as pending, on the version read), the holder's and the controller's yearly caps (conditional increments
 * that never pass the cap nor count a voucher twice), then the voucher itself; then the pending mark goes. A refusal
 * after the budget gives back what was taken; a crash leaves the pending mark, and {@link IssueRecovery} gives back the
 * budget and caps of an issuance whose voucher was never written.
 */
@Service
public class VoucherLedger {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String ID_PREFIX = "vch";
    static final String HOLDER = "holder";
    static final String CONTROLLER = "controller";

    private final ProgrammeStore programmes;
    private final CapStore caps;
    private final VoucherStore vouchers;
    private final Clock clock;

    VoucherLedger(ProgrammeStore programmes, CapStore caps, VoucherStore vouchers, Clock clock) {
        this.programmes = programmes;
        this.caps = caps;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    /** Issues a voucher (see {@link Issuing#issue} for the checks and their order); 404 for an unknown programme. */
    public Mono<VoucherView> issue(CurrentUser user, String programmeId, Issuing.IssueRequest request) {
        Caller caller = VoucherCallers.of(user);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        String id = Ids.next(ID_PREFIX, now);
        return findProgramme(programmeId).flatMap(first -> {
            String holderCap = CapStore.key(programmeId, today.getYear(), HOLDER, request.holderOrg());
            String controllerCap = CapStore.key(programmeId, today.getYear(), CONTROLLER, request.holderController());
            PendingIssue pending = new PendingIssue(id, request.faceValue(), holderCap, controllerCap, now);
            return takeBudget(caller, programmeId, request, today, now, pending)
                .flatMap(voucher -> takeCaps(voucher, first.programme(), pending)
                    .flatMap(ok -> ok ? Mono.just(voucher) : giveBack(programmeId, pending).then(Mono.error(capExceeded()))))
                .flatMap(voucher -> vouchers.insert(VoucherDocument.of(voucher, List.of(new LedgerEntry(LedgerEntry.Type.ISSUED,
                        voucher.faceValue(), "issue:" + id, null, user.subject(), now, null))))
                    .flatMap(saved -> programmes.completed(programmeId, id).thenReturn(VoucherView.of(saved.voucher()))));
        });
    }

    /** Decides on the programme's latest state and takes the budget in one write on its version; retried on a lost race. */
    private Mono<Voucher> takeBudget(Caller caller, String programmeId, Issuing.IssueRequest request, LocalDate today, Instant now, PendingIssue pending) {
        return Mono.defer(() -> findProgramme(programmeId)).flatMap(doc -> Mono.zip(caps.used(pending.holderCap()), caps.used(pending.controllerCap()),
                vouchers.totals(programmeId))
            .flatMap(used -> {
                Programme p = doc.programme();
                Programme known = p.withTotals(used.getT3().redeemed(), used.getT3().returned());
                Voucher v = VoucherProblem.decided(Issuing.issue(pending.voucherId(), known, request, caller,
                    new Issuing.YearSoFar(used.getT1(), used.getT2()), today, now));
                Programme next = withIssued(p, p.issued() + v.faceValue());
                return programmes.reserve(next, doc.version(), pending).switchIfEmpty(Mono.error(LostRace::new)).thenReturn(v);
            }))
            .retryWhen(Races.backingOff(LostRace.class));
    }

    /** The holder's cap, then the controller's; a controller refusal gives the holder's back. */
    private Mono<Boolean> takeCaps(Voucher v, Programme p, PendingIssue pending) {
        return caps.take(pending.holderCap(), v.id(), v.faceValue(), p.capPerEnterprisePerYear()).flatMap(holder -> !holder ? Mono.just(false)
            : caps.take(pending.controllerCap(), v.id(), v.faceValue(), p.capPerControllerPerYear())
                .flatMap(controller -> controller ? Mono.just(true) : caps.release(pending.holderCap(), v.id(), v.faceValue()).thenReturn(false)));
    }

    /** Gives an unfinished issuance's budget back (repeatable: only while it is still pending). */
    Mono<Void> giveBack(String programmeId, PendingIssue pending) {
        return giveBack(programmeId, pending, Fence.NONE);
    }

    private Mono<Void> giveBack(String programmeId, PendingIssue pending, Fence fence) {
        return Mono.defer(() -> findProgramme(programmeId)).flatMap(doc -> {
            if (doc.pending().stream().noneMatch(x -> x.voucherId().equals(pending.voucherId()))) return Mono.empty();
            Programme p = doc.programme();
            return programmes.unreserve(withIssued(p, p.issued() - pending.face()), doc.version(), pending.voucherId(), fence)
                .switchIfEmpty(Mono.error(LostRace::new)).then();
        }).retryWhen(Races.backingOff(LostRace.class));
    }

    /**
     * Recovers an issuance a crash left pending (the sweep's step, its writes under {@code fence}): completes it when its
     * voucher exists, else gives budget and caps back.
     */
    Mono<Void> recover(String programmeId, PendingIssue pending, Fence fence) {
        return vouchers.find(pending.voucherId()).flatMap(v -> programmes.completed(programmeId, pending.voucherId(), fence).thenReturn(true))
            .switchIfEmpty(Mono.defer(() -> caps.release(pending.holderCap(), pending.voucherId(), pending.face(), fence)
                .then(caps.release(pending.controllerCap(), pending.voucherId(), pending.face(), fence))
                .then(giveBack(programmeId, pending, fence)).thenReturn(true)))
            .then();
    }

    static Programme withIssued(Programme p, long issued) {
        return new Programme(p.id(), p.name(), p.region(), p.budget(), p.periodStart(), p.periodEnd(), p.subsidyRatios(),
            p.capPerEnterprisePerYear(), p.capPerControllerPerYear(), p.voucherValidityDays(), p.acceptedProviderRegions(), p.autoApproveBelow(),
            issued, p.redeemed(), p.returned(), p.createdBy(), p.createdAt(), p.version() + 1);
    }

    private static VoucherProblem capExceeded() {
        return new VoucherProblem(VoucherCodes.CAP_EXCEEDED, VoucherProblem.Kind.CONFLICT,
            "The face value would pass a yearly cap of the holder or its controller (issued concurrently).");
    }

    /** The voucher, if the caller may see it (404 otherwise): its holder, its province's region admins, admins, auditors. */
    public Mono<VoucherView> get(CurrentUser user, String id) {
        return visible(user, id).map(d -> VoucherView.of(d.voucher()));
    }

    public Mono<List<LedgerView>> ledger(CurrentUser user, String id) {
        return visible(user, id).map(d -> LedgerEntry.lines(d.ledger()).stream().map(LedgerView::of).toList());
    }

    /** Newest first: the holder's, the province's (region admins), those the agency redeemed, every voucher (admins, auditors); optionally of one programme. */
    public Mono<List<VoucherView>> list(CurrentUser user, @Nullable String programmeId, @Nullable String before, int size) {
        List<Criteria> scopes = scopes(user);
        if (scopes != null && scopes.isEmpty()) return Mono.just(List.of());
        return vouchers.page(scopes, programmeId, before, size).map(d -> VoucherView.of(d.voucher())).collectList();
    }

    /**
     * Revokes an ACTIVE voucher (see {@link Issuing#revoke}): one write of the voucher on its version with its ledger
     * entry; its remainder counts as returned to the programme's budget from then on (the programme's sums come from its
     * vouchers, so there is no second write to lose).
     */
    public Mono<VoucherView> revoke(CurrentUser user, String id, String reason) {
        Caller caller = VoucherCallers.of(user);
        return Mono.defer(() -> visible(user, id)).flatMap(d -> {
            Instant now = clock.instant();
            Voucher next = VoucherProblem.decided(Issuing.revoke(d.voucher(), caller, now));
            LedgerEntry e = new LedgerEntry(LedgerEntry.Type.REVOKED, next.returnedValue(), "revoke:" + id,
                null, user.subject(), now, reason);
            return vouchers.change(next, d.version(), e).switchIfEmpty(Mono.error(LostRace::new)).map(saved -> VoucherView.of(saved.voucher()));
        }).retryWhen(Races.atOnce(LostRace.class, Races.TIMES));
    }

    /**
     * Expires one voucher past its last valid day (the sweep's step, its write under {@code fence}); false when it changed
     * meanwhile (the next round sees it).
     */
    Mono<Boolean> expire(VoucherDocument d, LocalDate today, Fence fence) {
        if (!d.voucher().isDueToExpire(today)) return Mono.just(false);
        Instant now = clock.instant();
        Voucher next = Issuing.expire(d.voucher(), today, now);
        LedgerEntry e = new LedgerEntry(LedgerEntry.Type.EXPIRED, next.returnedValue(), "expire:" + d.id(),
            null, "expiry-sweep", now, null);
        return vouchers.change(next, d.version(), e, fence).map(x -> true).defaultIfEmpty(false);
    }

    private Mono<VoucherDocument> visible(CurrentUser user, String id) {
        Caller c = VoucherCallers.of(user);
        return vouchers.find(id)
            .filter(d -> user.hasAny(Role.ADMIN, Role.AUDITOR) || c.administers(d.issuerRegion())
                || user.has(Role.ENTERPRISE) && d.holderOrg().equals(user.org())
                || user.has(Role.AGENCY) && d.agencyOrgs() != null && user.org() != null && d.agencyOrgs().contains(user.org()))
            .switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("voucher", id)));
    }

    private static @Nullable List<Criteria> scopes(CurrentUser user) {
        if (user.hasAny(Role.ADMIN, Role.AUDITOR)) return null;
        List<Criteria> scopes = new ArrayList<>();
        Caller c = VoucherCallers.of(user);
        if (user.has(Role.ENTERPRISE) && user.org() != null) scopes.add(Criteria.where("holderOrg").is(user.org()));
        if (c.roles().contains(Caller.Role.REGION_ADMIN) && c.province() != null) scopes.add(Criteria.where("issuerRegion").is(c.province()));
        if (user.has(Role.AGENCY) && user.org() != null) scopes.add(Criteria.where("agencyOrgs").is(user.org()));
        return scopes;
    }

    private Mono<ProgrammeDocument> findProgramme(String id) {
        return programmes.find(id).switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("voucher programme", id)));
    }

    /** Another write changed the document between the read and the write: read and decide again. */
    static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }
}
