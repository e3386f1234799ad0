package io.ttx.vouchers;

import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.vouchers.domain.Agency;
import io.ttx.vouchers.domain.RedemptionRequest;
import io.ttx.vouchers.domain.VoucherCodes;
import io.ttx.vouchers.peers.PeerCalls;
import io.ttx.vouchers.peers.PeerClient;
import io.ttx.vouchers.peers.PeerDirectory;
import io.ttx.vouchers.persistence.AgencyDocument;
import io.ttx.vouchers.persistence.AgencyStore;
import io.ttx.vouchers.persistence.FederatedRedemptionDocument;
import io.ttx.vouchers.persistence.FederatedRedemptionStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TTX as the client of the voucher federation (module API): our agency redeems a voucher another platform issued.
 * The redemption is recorded PENDING first (its id, from the agency organisation and its Idempotency-Key, is the key
 * sent to the peer), then authorized and captured at the peer hosting the issuer's province. The peer's refusal is
 * final (FAILED, answered with the peer's status and code); a peer that cannot be reached is 503 peer-unavailable
 * with nothing paid (FAILED); an outcome not known yet (a timeout, a 5xx after the request may have arrived) is 202
 * PENDING, and {@link FederationReconciliation} resolves it by asking the peer about the key: exactly one capture or
 * void happens at the issuer, and the record ends in the issuer's state.
 */
@Service
public class OutgoingRedemptions {
    static final String PEER_UNAVAILABLE = "peer-unavailable";
    private final FederatedRedemptionStore store;
    private final AgencyStore agencies;
    private final PeerDirectory peers;
    private final Clock clock;

    OutgoingRedemptions(FederatedRedemptionStore store, AgencyStore agencies, PeerDirectory peers, Clock clock) {
        this.store = store;
        this.agencies = agencies;
        this.peers = peers;
        this.clock = clock;
    }

    /** What the agency asks for: the issuer's province and the voucher, and the invoice. */
    public record Outgoing(String issuerRegion, String voucherId, RedemptionRequest request) { }

    public Mono<FederatedRedemptionView> redeem(CurrentUser user, String key, Outgoing o) {
        String org = user.org();
        if (!user.has(Role.AGENCY) || org == null) return Mono.error(VoucherProblem.forbidden("only a service agency redeems vouchers"));
        PeerClient peer = peers.hosting(o.issuerRegion()).orElse(null);
        if (peer == null) {
            return Mono.error(new VoucherProblem("issuer-unknown", VoucherProblem.Kind.INVALID, "No peer platform hosts " + o.issuerRegion()
                + "; a voucher of a province hosted here is redeemed with POST /api/v1/vouchers/{id}/redemptions."));
        }
        String id = RedemptionKeys.id("fdr_", org, key);
        String hash = RedemptionKeys.hash(o.issuerRegion() + "|" + o.voucherId(), o.request());
        return agencies.page(null, "ADMITTED", org, null, 1).next()
            .switchIfEmpty(Mono.error(() -> new VoucherProblem(VoucherCodes.AGENCY_NOT_ADMITTED, VoucherProblem.Kind.FORBIDDEN,
                "The organisation is admitted as a service agency in no province.")))
            .flatMap(a -> {
                Instant now = clock.instant();
                RedemptionRequest r = o.request();
                FederatedRedemptionDocument pending = new FederatedRedemptionDocument(id, Ids.next("fdr", now), hash, org, a.id(), a.agency().region(),
                    peer.peer().name(), o.issuerRegion(), o.voucherId(), r.invoiceNumber(), r.invoiceAmount(), r.category().name(),
                    r.serviceDescription(), FederatedRedemptionDocument.PENDING, null, 0, null, null, 0, user.subject(), now, now, null, null);
                return store.claim(pending)
                    .flatMap(existing -> existing.requestHash().equals(hash) ? Mono.just(existing)
                        : Mono.error(new VoucherProblem(VoucherCodes.IDEMPOTENCY_KEY_REUSED, VoucherProblem.Kind.INVALID,
                            "This Idempotency-Key was sent with another redemption.")))
                    .switchIfEmpty(Mono.defer(() -> proceed(pending, peer, a.agency())));
            })
            .flatMap(OutgoingRedemptions::answer);
    }

    public Mono<FederatedRedemptionView> get(CurrentUser user, String id) {
        return store.find(id).filter(d -> user.has(Role.AGENCY) && d.agencyOrg().equals(user.org()) || user.hasAny(Role.ADMIN, Role.AUDITOR))
            .switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("federated redemption", id))).map(FederatedRedemptionView::of);
    }

    /** A FAILED record answers its problem; every other state its view (the controller tells 201 from 202). */
    private static Mono<FederatedRedemptionView> answer(FederatedRedemptionDocument d) {
        if (!d.status().equals(FederatedRedemptionDocument.FAILED)) return Mono.just(FederatedRedemptionView.of(d));
        VoucherProblem.Kind kind = switch (d.failureStatus()) {
            case 403 -> VoucherProblem.Kind.FORBIDDEN;
            case 404 -> VoucherProblem.Kind.NOT_FOUND;
            case 409 -> VoucherProblem.Kind.CONFLICT;
            case 503 -> VoucherProblem.Kind.UNAVAILABLE;
            default -> VoucherProblem.Kind.INVALID;
        };
        String code = d.failureCode() == null ? "peer-refused" : d.failureCode();
        return Mono.error(new VoucherProblem(code, kind, d.failureDetail() == null ? code : d.failureDetail()));
    }

    /** Authorize, then capture; see the class comment for how each failure ends. */
    private Mono<FederatedRedemptionDocument> proceed(FederatedRedemptionDocument d, PeerClient peer, Agency agency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("voucherId", d.voucherId());
        body.put("providerRegion", agency.region());
        body.put("providerOrg", d.agencyOrg());
        body.put("providerController", agency.controller());
        body.put("providerAdmittedRegion", agency.region());
        body.put("invoiceNumber", d.invoiceNumber());
        body.put("invoiceAmount", ProgrammeView.money(d.invoiceAmount()));
        body.put("category", d.category());
        body.put("idempotencyKey", d.id());
        return peer.authorize(body)
            .flatMap(a -> store.authorized(d.id(), a.authorizationId(), fen(a), clock.instant()).thenReturn(a))
            .flatMap(a -> capture(d.id(), peer, a.authorizationId(), Fence.NONE))
            .onErrorResume(PeerCalls.Refused.class, r -> store.failed(d.id(), r.status(), r.code(), r.getMessage(), clock.instant()))
            .onErrorResume(PeerCalls.Unavailable.class, u -> u.reached() ? store.find(d.id())
                : store.failed(d.id(), 503, PEER_UNAVAILABLE, "The issuer's platform is unavailable (" + u.getMessage() + "); nothing was paid. Send"
                    + " the redemption again later with a new Idempotency-Key.", clock.instant()));
    }

    private Mono<FederatedRedemptionDocument> capture(String id, PeerClient peer, String authorizationId, Fence fence) {
        return peer.capture(authorizationId).flatMap(c -> store.settledAs(id, c.status(), fen(c), clock.instant(), fence));
    }

    /**
     * Resolves a PENDING record by asking the peer about its key (the reconciliation's step): unknown there or voided
     * -> FAILED; authorized -> captured; captured -> the issuer's status. A peer still unavailable leaves it PENDING.
     * Every write carries the reconciliation's {@code fence}; the calls to the peer cannot (they are idempotent there).
     */
    Mono<FederatedRedemptionDocument> reconcile(FederatedRedemptionDocument d, Fence fence) {
        PeerClient peer = peers.named(d.peer()).orElse(null);
        if (peer == null) return Mono.just(d);
        return peer.byKey(d.id())
            .flatMap(a -> switch (a.status()) {
                case "AUTHORIZED" -> store.authorized(d.id(), a.authorizationId(), fen(a), clock.instant(), fence)
                    .then(capture(d.id(), peer, a.authorizationId(), fence));
                case "VOIDED" -> store.failed(d.id(), 409, "authorization-voided", "The issuer voided the authorization.", clock.instant(), fence);
                default -> store.settledAs(d.id(), a.status(), fen(a), clock.instant(), fence);
            })
            .switchIfEmpty(Mono.defer(() -> store.failed(d.id(), 409, "authorization-unknown", "The issuer has no authorization under this key.",
                clock.instant(), fence)))
            .onErrorResume(PeerCalls.Refused.class, r -> store.failed(d.id(), r.status(), r.code(), r.getMessage(), clock.instant(), fence))
            .onErrorResume(PeerCalls.Unavailable.class, u -> Mono.just(d));
    }

    /** Follows the issuer's decision on a captured redemption (the reconciliation's other step): its status now. */
    Mono<FederatedRedemptionDocument> follow(FederatedRedemptionDocument d, Fence fence) {
        PeerClient peer = peers.named(d.peer()).orElse(null);
        if (peer == null || d.authorizationId() == null) return Mono.just(d);
        return peer.get(d.authorizationId())
            .flatMap(a -> a.status().equals(d.status()) ? store.touched(d.id(), clock.instant(), fence).thenReturn(d)
                : store.settledAs(d.id(), a.status(), fen(a), clock.instant(), fence))
            .onErrorResume(PeerCalls.Refused.class, r -> store.touched(d.id(), clock.instant(), fence).thenReturn(d))
            .onErrorResume(PeerCalls.Unavailable.class, u -> Mono.just(d));
    }

    private static long fen(PeerClient.Authorization a) {
        return new BigDecimal(a.subsidy().amount()).movePointRight(2).longValueExact();
    }
}
