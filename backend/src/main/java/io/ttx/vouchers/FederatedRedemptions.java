package io.ttx.vouchers;

import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import io.ttx.vouchers.domain.RedemptionRequest;
import io.ttx.vouchers.domain.RedemptionStatus;
import io.ttx.shared.jobs.Fence;
import io.ttx.vouchers.persistence.ProgrammeStore;
import io.ttx.vouchers.persistence.RedemptionDocument;
import io.ttx.vouchers.persistence.RedemptionStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

/**
 * The issuer's side of the voucher federation (module API): a peer platform authorizes a redemption of one of our
 * vouchers for its agency (the subsidy reserved on the voucher by the same debit as a local redemption), then captures
 * it (SUBMITTED or APPROVED by our approval rule, decided by our region admins like any other) or voids it (the
 * subsidy given back). Every step is idempotent; an authorization not captured within
 * {@code ttx.vouchers.authorization-ttl} is voided by {@link RedemptionRecovery}, and a capture after that is 409.
 * Peers see only their own authorizations (404 otherwise).
 */
@Service
public class FederatedRedemptions {
    static final String EXPIRED = "authorization-expired";
    static final String VOIDED = "authorization-voided";
    static final String CAPTURED = "authorization-captured";

    private final Redemptions redemptions;
    private final RedemptionReviews reviews;
    private final RedemptionStore store;
    private final ProgrammeStore programmes;
    private final VoucherProperties props;
    private final Clock clock;

    FederatedRedemptions(Redemptions redemptions, RedemptionReviews reviews, RedemptionStore store, ProgrammeStore programmes, VoucherProperties props,
                         Clock clock) {
        this.redemptions = redemptions;
        this.reviews = reviews;
        this.store = store;
        this.programmes = programmes;
        this.props = props;
        this.clock = clock;
    }

    /** The provider as the peer describes it. */
    public record Provider(String region, String org, String controller, String admittedRegion) { }

    /** See {@link Redemptions#authorize}: 201 AUTHORIZED with the subsidy, or the refusal (the same on a replay). */
    public Mono<AuthorizationView> authorize(CurrentUser peer, String voucherId, String key, RedemptionRequest request, Provider provider) {
        return redemptions.authorize(peer, voucherId, key, request, provider.region(), provider.org(), provider.controller(), provider.admittedRegion())
            .flatMap(d -> Redemptions.refusal(d).thenReturn(AuthorizationView.of(d)));
    }

    public Mono<AuthorizationView> get(CurrentUser peer, String id) {
        return own(peer, id).map(AuthorizationView::of);
    }

    /** The authorization the peer made under {@code key} (for reconciliation); 404 when it made none or it was refused. */
    public Mono<AuthorizationView> byKey(CurrentUser peer, String key) {
        return get(peer, RedemptionKeys.id("rdm_", "peer:" + peer.subject(), key));
    }

    /**
     * AUTHORIZED -> SUBMITTED, or APPROVED when the subsidy is below the programme's autoApproveBelow; a captured one
     * answers its state; a voided one 409 authorization-voided; one past the TTL is voided and 409
     * authorization-expired.
     */
    public Mono<AuthorizationView> capture(CurrentUser peer, String id) {
        return captured(peer, id).map(AuthorizationView::of);
    }

    private Mono<RedemptionDocument> captured(CurrentUser peer, String id) {
        return own(peer, id).flatMap(d -> {
            if (d.status().equals(RedemptionDocument.VOIDED)) return Mono.error(conflict(VOIDED, "The authorization was voided."));
            if (!d.status().equals(RedemptionDocument.AUTHORIZED)) return Mono.just(d);
            Instant now = clock.instant();
            if (expired(d, now)) {
                return voidIt(d, "ttl", Fence.NONE).then(Mono.error(conflict(EXPIRED, "The authorization was not captured within " + props.authorizationTtl() + ".")));
            }
            return programmes.find(d.programmeId()).flatMap(p -> {
                boolean auto = d.subsidy() < p.programme().autoApproveBelow();
                return store.captured(d.id(), (auto ? RedemptionStatus.APPROVED : RedemptionStatus.SUBMITTED).name(), auto ? now : null);
            }).switchIfEmpty(Mono.defer(() -> captured(peer, id))); // voided or captured meanwhile: answer that
        });
    }

    /** AUTHORIZED -> VOIDED with the subsidy given back; a voided one answers its state; a captured one 409 authorization-captured. */
    public Mono<AuthorizationView> voidAuthorization(CurrentUser peer, String id) {
        return own(peer, id).flatMap(d -> {
            if (d.status().equals(RedemptionDocument.VOIDED)) return Mono.just(d);
            if (!d.status().equals(RedemptionDocument.AUTHORIZED)) return Mono.error(conflict(CAPTURED, "The authorization was captured."));
            // a capture may win the conditional write after this read: then the void lost, and says so
            return voidIt(d, peer.subject(), Fence.NONE).then(store.find(id)).flatMap(after -> after.status().equals(RedemptionDocument.VOIDED)
                ? Mono.just(after) : Mono.error(conflict(CAPTURED, "The authorization was captured.")));
        }).map(AuthorizationView::of);
    }

    /** Voids an authorization (the TTL's step too, its writes fenced by the recovery's lease) and gives its subsidy back; repeatable. */
    Mono<Void> voidIt(RedemptionDocument d, String by, Fence fence) {
        return store.voided(d.id(), by, clock.instant(), fence).flatMap(v -> reviews.refund(v, fence)).then();
    }

    boolean expired(RedemptionDocument d, Instant now) {
        Instant at = d.federation() == null ? null : d.federation().authorizedAt();
        return at != null && !now.isBefore(at.plus(props.authorizationTtl()));
    }

    private Mono<RedemptionDocument> own(CurrentUser peer, String id) {
        return store.find(id)
            .filter(d -> peer.has(Role.PEER) && d.federation() != null && d.federation().peer().equals(peer.subject()))
            .filter(d -> !d.status().equals(RedemptionDocument.PENDING) && !d.status().equals(RedemptionDocument.REFUSED))
            .switchIfEmpty(Mono.error(() -> VoucherProblem.notFound("authorization", id)));
    }

    private static VoucherProblem conflict(String code, String message) {
        return new VoucherProblem(code, VoucherProblem.Kind.CONFLICT, message);
    }
}
