package io.ttx.vouchers;

import io.ttx.brokerage.Brokerage;
import io.ttx.brokerage.DealSnapshot;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.vouchers.domain.AgencyFacts;
import io.ttx.vouchers.domain.Category;
import io.ttx.vouchers.domain.DealFacts;
import io.ttx.vouchers.domain.Decision;
import io.ttx.vouchers.domain.LedgerEntry;
import io.ttx.vouchers.domain.Programme;
import io.ttx.vouchers.domain.Redeeming;
import io.ttx.vouchers.domain.RedemptionRequest;
import io.ttx.vouchers.domain.RedemptionStatus;
import io.ttx.vouchers.domain.VoucherCodes;
import io.ttx.vouchers.domain.VoucherRejection;
import io.ttx.vouchers.persistence.AgencyDocument;
import io.ttx.vouchers.persistence.AgencyStore;
import io.ttx.vouchers.persistence.InvoiceClaimStore;
import io.ttx.vouchers.persistence.ProgrammeStore;
import io.ttx.vouchers.persistence.RedemptionDocument;
import io.ttx.vouchers.persistence.RedemptionDocument.Refusal;
import io.ttx.vouchers.persistence.RedemptionStore;
import io.ttx.vouchers.persistence.VoucherDocument;
import io.ttx.vouchers.persistence.VoucherStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Redeeming a voucher (module API), without a transaction across the three documents it touches, each changed by one
 * conditional write:
 * <ol>
 * <li>the redemption, inserted PENDING under an id derived from the agency organisation and the Idempotency-Key: the
 * request that inserts it owns its decision; a replay with the same body waits for the outcome (and takes over an owner
 * silent for {@code ttx.vouchers.redemption-timeout}), with another body it is refused;</li>
 * <li>the invoice claim (agency organisation, invoice number), one per platform, taken over from refused or rejected
 * redemptions only;</li>
 * <li>the debit: the voucher's next state with its REDEEMED ledger entry, on the version read and only if the
 * redemption was not voided; then the redemption's status.</li>
 * </ol>
 * The voucher's ledger is the fact: whoever finds the redemption's entry there completes the redemption. An owner that
 * took over refuses only after voiding the redemption on the voucher (a write that fails if the entry exists), so an
 * earlier owner still running can never debit a refused redemption. {@link RedemptionRecovery} takes over what crashes
 * leave PENDING and finishes refunds of rejections.
 */
@Service
public class Redemptions {
    static final String ORDER_PREFIX = "rdm";
    private static final Duration POLL = Duration.ofMillis(20);

    private final RedemptionStore redemptions;
    private final InvoiceClaimStore invoices;
    private final VoucherStore vouchers;
    private final ProgrammeStore programmes;
    private final AgencyStore agencies;
    private final Brokerage brokerage;
    private final VoucherProperties props;
    private final Clock clock;

    Redemptions(RedemptionStore redemptions, InvoiceClaimStore invoices, VoucherStore vouchers, ProgrammeStore programmes, AgencyStore agencies,
                Brokerage brokerage, VoucherProperties props, Clock clock) {
        this.redemptions = redemptions;
        this.invoices = invoices;
        this.vouchers = vouchers;
        this.programmes = programmes;
        this.agencies = agencies;
        this.brokerage = brokerage;
        this.props = props;
        this.clock = clock;
    }

    /** Redeems the voucher for the calling agency under {@code key} (see {@link Redeeming#redeem} for the checks). */
    public Mono<RedemptionView> redeem(CurrentUser user, String voucherId, String key, RedemptionRequest request) {
        String org = user.org();
        if (!user.has(Role.AGENCY) || org == null) return Mono.error(VoucherProblem.forbidden("only a service agency redeems vouchers"));
        return start(user, RedemptionKeys.id(org, key), key, voucherId, request, org, null, null).flatMap(Redemptions::outcome);
    }

    /**
     * Authorizes a redemption for a peer platform's agency (the voucher federation's first step): the same checks and
     * the same debit as {@link #redeem}, with the agency as the peer describes it (organisation, controller, the province
     * of its admission, admitted for the category), under the peer's idempotency key; the redemption stays AUTHORIZED
     * until {@link FederatedRedemptions#capture} or a void. 403 unless the caller is a peer hosting the provider's
     * province and the province of its admission.
     */
    Mono<RedemptionDocument> authorize(CurrentUser peer, String voucherId, String key, RedemptionRequest request, String providerRegion,
                                       String providerOrg, String providerController, String providerAdmittedRegion) {
        if (!peer.has(Role.PEER) || !peer.regions().contains(providerRegion) || !peer.regions().contains(providerAdmittedRegion)) {
            return Mono.error(VoucherProblem.forbidden("only a peer platform hosting " + providerAdmittedRegion + " authorizes for its agencies"));
        }
        return start(peer, RedemptionKeys.id("rdm_", "peer:" + peer.subject(), key), key, voucherId, request, providerOrg, providerAdmittedRegion,
            new RedemptionDocument.Federation(peer.subject(), providerController, null));
    }

    /** Claims the key (the redemption PENDING) and decides, or answers the outcome of the key's first request. */
    private Mono<RedemptionDocument> start(CurrentUser user, String id, String key, String voucherId, RedemptionRequest request, String agencyOrg,
                                           @Nullable String agencyRegion, RedemptionDocument.@Nullable Federation federation) {
        String hash = RedemptionKeys.hash(voucherId, request) + (federation == null ? "" : RedemptionKeys.hash(agencyOrg + "|" + agencyRegion
            + "|" + federation.providerController(), request));
        return vouchers.withoutLedger(voucherId).switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("voucher", voucherId))).flatMap(vd -> {
            Instant now = clock.instant();
            String owner = UUID.randomUUID().toString();
            RedemptionDocument pending = new RedemptionDocument(id, Ids.next(ORDER_PREFIX, now), hash, key, voucherId, vd.programmeId(),
                vd.issuerRegion(), vd.holderOrg(), agencyOrg, null, agencyRegion, request.invoiceNumber(), request.invoiceAmount(),
                request.category().name(), request.serviceDescription(), request.dealId(), 0, RedemptionDocument.PENDING, null, owner, 0, now,
                user.subject(), now, null, null, null, null, false, null, null, federation);
            return redemptions.claim(pending)
                .flatMap(existing -> existing.requestHash().equals(hash) ? await(id, owner, Fence.NONE)
                    : Mono.error(new VoucherProblem(VoucherCodes.IDEMPOTENCY_KEY_REUSED, VoucherProblem.Kind.INVALID,
                        "This Idempotency-Key was sent with another redemption.")))
                .switchIfEmpty(Mono.defer(() -> decide(pending, vd, Fence.NONE)));
        });
    }

    private static Mono<RedemptionView> outcome(RedemptionDocument d) {
        return refusal(d).thenReturn(RedemptionView.of(d));
    }

    /** The stored refusal of a REFUSED redemption as its problem; empty otherwise. */
    static Mono<Void> refusal(RedemptionDocument d) {
        Refusal r = d.refusal();
        if (d.status().equals(RedemptionDocument.REFUSED) && r != null) {
            return Mono.error(VoucherProblem.of(new VoucherRejection(r.code(), VoucherRejection.Kind.valueOf(r.kind()), r.detail())));
        }
        return Mono.empty();
    }

    /** The redemption's outcome once decided; takes over from an owner silent for longer than the timeout. */
    private Mono<RedemptionDocument> await(String id, String owner, Fence fence) {
        return redemptions.find(id).flatMap(d -> {
            if (!d.status().equals(RedemptionDocument.PENDING)) return Mono.just(d);
            Instant now = clock.instant();
            if (d.owner().isEmpty() || d.takenAt().isBefore(now.minus(props.redemptionTimeout()))) {
                return redemptions.takeOver(id, d.owner(), owner, now, fence)
                    .flatMap(took -> took ? decide(taken(d, owner, now), null, fence) : await(id, owner, fence));
            }
            return Mono.delay(POLL).then(Mono.defer(() -> await(id, owner, fence)));
        });
    }

    /**
     * Takes over a PENDING redemption whose owner went silent (the recovery's step); its outcome. Every write of the
     * take-over and the decision carries {@code fence} (the invoice claim's insert cannot: see {@link InvoiceClaimStore#claim}).
     */
    Mono<RedemptionDocument> recover(RedemptionDocument d, Fence fence) {
        String owner = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return redemptions.takeOver(d.id(), d.owner(), owner, now, fence)
            .flatMap(took -> took ? decide(taken(d, owner, now), null, fence) : Mono.just(d));
    }

    private static RedemptionDocument taken(RedemptionDocument d, String owner, Instant now) {
        return new RedemptionDocument(d.id(), d.order(), d.requestHash(), d.idempotencyKey(), d.voucherId(), d.programmeId(), d.issuerRegion(),
            d.holderOrg(), d.agencyOrg(), d.agencyId(), d.agencyRegion(), d.invoiceNumber(), d.invoiceAmount(), d.category(), d.serviceDescription(),
            d.dealId(), d.subsidy(), d.status(), d.refusal(), owner, d.attempt() + 1, now, d.createdBy(), d.createdAt(), d.decidedAt(),
            d.decidedBy(), d.note(), d.approvedAt(), d.refunded(), d.batchId(), d.rating(), d.federation());
    }

    /**
     * Decides a redemption this request owns: the programme, the caller's admissions and a named deal are read once, the
     * voucher on every round (the first round of a first attempt decides on {@code first}, the voucher the request read
     * without its ledger just before it claimed the key: no debit of this redemption can exist before it); retried when
     * a guard of the debit failed.
     */
    private Mono<RedemptionDocument> decide(RedemptionDocument d, @Nullable VoucherDocument first, Fence fence) {
        Mono<Optional<DealFacts>> deal = d.dealId() == null ? Mono.just(Optional.empty())
            : brokerage.snapshot(d.dealId()).map(s -> Optional.of(dealFacts(s))).defaultIfEmpty(Optional.empty());
        Mono<List<AgencyDocument>> admissions = agencies.page(null, "ADMITTED", d.agencyOrg(), null, 100).collectList();
        return Mono.zip(programmes.find(d.programmeId()), admissions, deal).flatMap(t -> {
                Programme p = t.getT1().programme();
                AgencyFacts agency = d.federation() == null ? agencyOf(d, p, t.getT2()) : peerAgency(d);
                AtomicInteger rounds = new AtomicInteger();
                return Mono.defer(() -> rounds.getAndIncrement() == 0 && d.attempt() == 0 && first != null ? Mono.just(first)
                        : vouchers.find(d.voucherId()))
                    .flatMap(vd -> attempt(d, vd, p, agency, t.getT3().orElse(null), fence))
                    .retryWhen(Races.backingOff(LostRace.class));
            })
            .onErrorResume(VoucherProblem.class, p -> redemptions.release(d.id(), d.owner(), fence).then(Mono.error(p)));
    }

    private Mono<RedemptionDocument> attempt(RedemptionDocument d, VoucherDocument vd, Programme p, AgencyFacts agency, @Nullable DealFacts deal,
                                             Fence fence) {
        Optional<LedgerEntry> debit = vd.ledger().stream()
            .filter(e -> e.type() == LedgerEntry.Type.REDEEMED && d.id().equals(e.redemptionId())).findFirst();
        if (debit.isPresent()) return complete(d, p, agency, debit.get(), fence);
        if (vd.voided() != null && vd.voided().contains(d.id())) return await(d.id(), d.owner(), fence); // a later owner refused it
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, VoucherLedger.CHINA);
        RedemptionRequest r = request(d);
        Decision<Redeeming.Redeemed> checks = Redeeming.redeem(vd.voucher(), p, agency, r, deal, true, today, now);
        if (checks instanceof Decision.Rejected<Redeeming.Redeemed> early && !early.rejection().code().equals(VoucherCodes.INVOICE_CLAIMED)) {
            return refuse(d, early.rejection(), fence);
        }
        return claimInvoice(d, fence).flatMap(ours -> {
            if (!ours) return refuse(d, ((Decision.Rejected<Redeeming.Redeemed>) checks).rejection(), fence);
            return switch (Redeeming.redeem(vd.voucher(), p, agency, r, deal, false, today, now)) {
                case Decision.Rejected<Redeeming.Redeemed> late -> refuse(d, late.rejection(), fence);
                case Decision.Accepted<Redeeming.Redeemed> ok -> debit(d, vd, agency, ok.value(), now, fence);
            };
        });
    }

    /** The debit, then the redemption's status; a failed guard is a lost race (the next round reads the voucher again). */
    private Mono<RedemptionDocument> debit(RedemptionDocument d, VoucherDocument vd, AgencyFacts agency, Redeeming.Redeemed x, Instant now,
                                           Fence fence) {
        LedgerEntry entry = new LedgerEntry(LedgerEntry.Type.REDEEMED, x.subsidy(), d.idempotencyKey(), d.id(), d.createdBy(), now, null);
        Long exact = x.voucher().remaining() == 0 ? vd.voucher().redeemed() : null; // capped by what remained: only on that state
        return vouchers.redeem(d.voucherId(), vd.voucher().faceValue(), x.subsidy(), exact, entry, d.agencyOrg(), now, fence)
            .flatMap(debited -> debited ? Mono.just(true) : Mono.error(new LostRace()))
            .then(Mono.defer(() -> d.federation() != null
                ? redemptions.redeemed(d.id(), d.owner(), agency.id(), agency.province(), x.subsidy(), RedemptionDocument.AUTHORIZED, null, now,
                    fence)
                : redemptions.redeemed(d.id(), d.owner(), agency.id(), agency.province(), x.subsidy(), x.status().name(),
                    x.status() == RedemptionStatus.APPROVED ? now : null, null, fence)))
            .switchIfEmpty(Mono.defer(() -> await(d.id(), d.owner(), fence)));
    }

    /** Completes a redemption from its debit in the ledger, whoever made it. */
    private Mono<RedemptionDocument> complete(RedemptionDocument d, Programme p, AgencyFacts agency, LedgerEntry debit, Fence fence) {
        if (d.federation() != null) {
            return redemptions.redeemed(d.id(), null, agency.id(), agency.province(), debit.amount(), RedemptionDocument.AUTHORIZED, null, debit.at(),
                    fence)
                .switchIfEmpty(Mono.defer(() -> redemptions.find(d.id())));
        }
        RedemptionStatus status = debit.amount() < p.autoApproveBelow() ? RedemptionStatus.APPROVED : RedemptionStatus.SUBMITTED;
        return redemptions.redeemed(d.id(), null, agency.id(), agency.province(), debit.amount(), status.name(),
                status == RedemptionStatus.APPROVED ? debit.at() : null, null, fence)
            .switchIfEmpty(Mono.defer(() -> redemptions.find(d.id())));
    }

    /**
     * Refuses a redemption this request owns: an owner that took over first voids it on the voucher (a lost race when a
     * debit exists: the next round completes it), then the invoice is released and the refusal recorded.
     */
    private Mono<RedemptionDocument> refuse(RedemptionDocument d, VoucherRejection rejection, Fence fence) {
        Mono<Boolean> voided = d.attempt() == 0 ? Mono.just(true) : vouchers.voidRedemption(d.voucherId(), d.id(), fence);
        Refusal refusal = new Refusal(rejection.kind().name(), rejection.code(), rejection.detail());
        return voided.flatMap(ok -> ok ? invoices.release(InvoiceClaimStore.key(d.agencyOrg(), d.invoiceNumber()), d.id(), fence)
                .then(redemptions.refused(d.id(), d.owner(), refusal, fence)).switchIfEmpty(Mono.defer(() -> await(d.id(), d.owner(), fence)))
            : Mono.error(new LostRace()));
    }

    /** True when the redemption holds the invoice (now or before), taking it over from a refused or rejected redemption. */
    private Mono<Boolean> claimInvoice(RedemptionDocument d, Fence fence) {
        String key = InvoiceClaimStore.key(d.agencyOrg(), d.invoiceNumber());
        return invoices.claim(key, d.id()).flatMap(holder -> holder.equals(d.id()) ? Mono.just(true)
            : redemptions.find(holder).map(h -> h.status().equals(RedemptionDocument.REFUSED) || h.status().equals(RedemptionStatus.REJECTED.name())
                    || h.status().equals(RedemptionDocument.VOIDED))
                .defaultIfEmpty(false)
                .flatMap(free -> !free ? Mono.just(false)
                    : invoices.takeOver(key, holder, d.id(), fence).flatMap(took -> took ? Mono.just(true) : claimInvoice(d, fence))));
    }

    /**
     * The calling organisation's admission that serves the redemption: one in a province the programme accepts with the
     * category, else one in an accepted province, else any admitted one; not admitted at all when there is none.
     */
    private static AgencyFacts agencyOf(RedemptionDocument d, Programme p, List<AgencyDocument> admissions) {
        Category c = Category.valueOf(d.category());
        return admissions.stream().map(AgencyDocument::agency)
            .min(Comparator.comparing(a -> (p.accepts(a.region()) ? 0 : 2) + (a.categories().contains(c) ? 0 : 1)))
            .map(a -> a.facts())
            .orElseGet(() -> new AgencyFacts("", d.agencyOrg(), "", "", Set.of(), false));
    }

    /** A peer platform's agency as the peer describes it: admitted in its province for the redemption's category. */
    private static AgencyFacts peerAgency(RedemptionDocument d) {
        RedemptionDocument.Federation f = Objects.requireNonNull(d.federation());
        return new AgencyFacts("peer:" + f.peer(), d.agencyOrg(), f.providerController(), Objects.requireNonNull(d.agencyRegion()),
            Set.of(Category.valueOf(d.category())), true);
    }

    private static DealFacts dealFacts(DealSnapshot s) {
        String buyer = party(s, DealSnapshot.BUYER);
        return new DealFacts(s.id(), s.stage(), buyer == null ? "" : buyer, party(s, DealSnapshot.BROKER));
    }

    private static @Nullable String party(DealSnapshot s, String side) {
        return s.parties().stream().filter(p -> p.side().equals(side)).map(DealSnapshot.Party::org).findFirst().orElse(null);
    }

    private static RedemptionRequest request(RedemptionDocument d) {
        return new RedemptionRequest(d.invoiceNumber(), d.invoiceAmount(), Category.valueOf(d.category()), d.serviceDescription(), d.dealId());
    }

    /** The statuses lists show: decided redemptions (PENDING and REFUSED ones are no redemptions). */
    static List<String> shownStatuses() {
        return List.of(RedemptionStatus.SUBMITTED.name(), RedemptionStatus.APPROVED.name(), RedemptionStatus.REJECTED.name(),
            RedemptionStatus.SETTLED.name());
    }

    /** Another write changed the voucher between the read and the write: read and decide again. */
    static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }
}
