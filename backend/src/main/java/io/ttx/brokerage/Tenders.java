package io.ttx.brokerage;

import java.util.Objects;
import io.ttx.brokerage.domain.DealRejection;
import io.ttx.brokerage.domain.Award;
import io.ttx.brokerage.domain.Caller;
import io.ttx.brokerage.domain.DealCodes;
import io.ttx.brokerage.domain.Relation;
import io.ttx.brokerage.domain.Role;
import io.ttx.brokerage.domain.TermSheet;
import io.ttx.brokerage.domain.Tender;
import io.ttx.brokerage.domain.TenderOffer;
import io.ttx.brokerage.domain.TenderPlan;
import io.ttx.brokerage.domain.TenderStatus;
import io.ttx.brokerage.domain.Tendering;
import io.ttx.brokerage.persistence.OfferStore;
import io.ttx.brokerage.persistence.TenderDocument;
import io.ttx.brokerage.persistence.TenderStore;
import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.TradeMethod;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.Cny;
import io.ttx.shared.DomainException;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tenders (module API): inviting sealed offers, offering, reading offers, awarding one, cancelling. Offers are one
 * document per tender and organisation; a tender's own document never holds them, so nobody reads them through it.
 * Awarding fixes the deal's id in the tender's one conditional write, then writes the deal (repeatable: the closing
 * job finishes an award a crash interrupted).
 */
@Service
public class Tenders {
    static final String ID_PREFIX = "tnd";
    /** Offers listed for one tender, highest first. */
    static final int MAX_OFFERS_LISTED = 1_000;

    private final TenderStore tenders;
    private final OfferStore offers;
    private final TradeSlots slots;
    private final Achievements achievements;
    private final Brokerage brokerage;
    private final BrokerageProperties props;
    private final Clock clock;

    Tenders(TenderStore tenders, OfferStore offers, TradeSlots slots, Achievements achievements, Brokerage brokerage,
            BrokerageProperties props, Clock clock) {
        this.tenders = tenders;
        this.offers = offers;
        this.slots = slots;
        this.achievements = achievements;
        this.brokerage = brokerage;
        this.props = props;
        this.clock = clock;
    }

    /** An offer as written: new (201) or a replacement (200). */
    public record Offered(OfferView offer, boolean created) { }

    /**
     * Invites offers. Checks in order: the achievement visible (404), the caller and the content (403, 422, see
     * {@link Tendering#invite}), the listing PUBLISHED (409 listing-not-open) with the trade method TENDER (409
     * trade-method), no other live auction or tender on it (409 auction-exists).
     */
    public Mono<TenderView> invite(CurrentUser user, String achievementId, @Nullable Long minimumPrice, Instant closesAt, TermSheet terms) {
        return achievements.dealFacts(user, achievementId).flatMap(facts -> {
            Instant now = clock.instant();
            String id = Ids.next(ID_PREFIX, now);
            Tender tender = Auctions.decided(Tendering.invite(id, new TenderPlan(achievementId, facts.ownerOrg(), minimumPrice, closesAt, terms),
                DealCallers.of(user), Brokerage.rules(facts, props), now));
            Auctions.requireOpen(facts, TradeMethod.TENDER);
            return slots.take(achievementId, id).flatMap(taken -> taken
                ? tenders.insert(TenderDocument.of(tender, false))
                    .onErrorResume(e -> slots.release(achievementId, id).then(Mono.error(e)))
                    .map(d -> TenderView.of(d.tender(), 0, now))
                : Mono.error(DealProblem.conflict(DealCodes.AUCTION_EXISTS, "Achievement " + achievementId
                    + " already has a live auction or tender.")));
        });
    }

    /** Any authenticated caller reads a tender: its status and the number of offers, never their content. */
    public Mono<TenderView> get(CurrentUser user, String id) {
        return find(id).flatMap(d -> offers.count(id).map(n -> TenderView.of(d.tender(), n, clock.instant())));
    }

    /** Newest first, optionally of one achievement. */
    public Mono<List<TenderView>> list(CurrentUser user, @Nullable String achievementId, @Nullable String before, int size) {
        Instant now = clock.instant();
        return tenders.page(achievementId, before, size)
            .concatMap(d -> offers.count(d.id()).map(n -> TenderView.of(d.tender(), n, now))).collectList();
    }

    /** Sends or replaces the caller organisation's offer (see {@link Tendering#offer}); 404 when there is no tender. */
    public Mono<Offered> offer(CurrentUser user, String id, long amount, String proposal) {
        return find(id).flatMap(d -> {
            Instant now = clock.instant();
            String org = Auctions.decided(Tendering.offer(d.tender(), DealCallers.of(user), amount, now));
            return offers.put(id, org, user.subject(), amount, proposal, now).map(o -> new Offered(OfferView.of(o), o.revision() == 1));
        });
    }

    /**
     * The offers the caller may read: an enterprise organisation its own (at any time); after the close the seller's
     * TTO, the tender's broker, admins and auditors every offer, highest first. Before the close those get 409
     * tender-sealed; anyone else 403.
     */
    public Mono<List<OfferView>> offers(CurrentUser user, String id) {
        Caller caller = DealCallers.of(user);
        return find(id).flatMap(d -> {
            Tender t = d.tender();
            Instant now = clock.instant();
            if (Tendering.readsAllOffers(t, caller, now)) return offers.of(id, MAX_OFFERS_LISTED).map(OfferView::of).collectList();
            if (caller.roles().contains(Role.ENTERPRISE) && caller.org() != null) {
                return offers.find(id, caller.org()).map(o -> List.of(OfferView.of(o))).defaultIfEmpty(List.of());
            }
            if (t.status(now) == TenderStatus.OPEN && Tendering.runsOrOversees(t, caller)) {
                return Mono.error(DealProblem.conflict(DealCodes.TENDER_SEALED, "Offers are sealed until the tender closes at " + t.closesAt() + "."));
            }
            return Mono.error(DealProblem.of(DealRejection.forbidden(DealCodes.FORBIDDEN,
                "only the bidders, the seller's TTO and the tender's broker read offers")));
        });
    }

    /**
     * Awards an offer (see {@link Tendering#award}; 403 for anyone but the seller's TTO before the offer is looked up, 404
     * when the offer is not one of this tender's) and writes the deal at
     * TERMS_AGREED; emits the deal id.
     */
    public Mono<String> award(CurrentUser user, String id, String offerId) {
        Caller caller = DealCallers.of(user);
        return find(id).flatMap(d -> !Tendering.mayAward(d.tender(), caller)
            ? Mono.<String>error(DealProblem.of(DealRejection.forbidden(DealCodes.FORBIDDEN, "only the seller's TTO awards a tender")))
            : offers.byId(offerId).filter(o -> o.tenderId().equals(id))
            .switchIfEmpty(Mono.error(() -> new DealProblem("not-found", DomainException.Kind.NOT_FOUND, "No offer " + offerId + " on tender " + id + ".")))
            .flatMap(offer -> {
                Instant now = clock.instant();
                Tender next = Auctions.decided(Tendering.award(d.tender(), caller, offer, Ids.next("deal", now), now));
                return tenders.replace(TenderDocument.of(next, true), d.version())
                    .switchIfEmpty(Mono.error(() -> DealProblem.conflict(DealCodes.TENDER_CLOSED, "The tender changed meanwhile: fetch it again.")))
                    .flatMap(saved -> writeDeal(saved, offer, Optional.empty()));
            }));
    }

    /** Cancels a tender not yet awarded (see {@link Tendering#cancel}) and frees the achievement for another. */
    public Mono<TenderView> cancel(CurrentUser user, String id) {
        Caller caller = DealCallers.of(user);
        return find(id).flatMap(d -> {
            Instant now = clock.instant();
            Tender next = Auctions.decided(Tendering.cancel(d.tender(), caller, now));
            return tenders.replace(TenderDocument.of(next, false), d.version())
                .switchIfEmpty(Mono.error(() -> DealProblem.conflict(DealCodes.TENDER_CLOSED, "The tender changed meanwhile: fetch it again.")))
                .flatMap(saved -> slots.release(saved.achievementId(), saved.id())
                    .then(offers.count(id)).map(n -> TenderView.of(saved.tender(), n, now)));
        });
    }

    /**
     * Writes an awarded tender's deal and frees the achievement for the closing job, which finishes an award a crash
     * interrupted; repeatable (the deal's id was fixed by the award). Its writes carry the job's {@code fence}.
     */
    Mono<String> writeDeal(TenderDocument awarded, Fence fence) {
        Tender t = awarded.tender();
        return offers.byId(Objects.requireNonNull(t.awardedOffer())).flatMap(offer -> writeDeal(awarded, offer, Optional.of(fence)));
    }

    /** Writes the deal; fenced when a job under a lease writes it, not when the award's request does. */
    private Mono<String> writeDeal(TenderDocument awarded, TenderOffer offer, Optional<Fence> fence) {
        Tender t = awarded.tender();
        String dealId = Objects.requireNonNull(t.dealId());
        Award award = new Award(t.achievementId(), t.sellerOrg(), offer.org(), t.broker(), Tendering.awardedTerms(t, offer),
            Objects.requireNonNullElse(t.awardedBy(), t.createdBy()), Relation.SELLER_TTO, "tender " + t.id() + ": offer of " + Cny.format(offer.amount()) + " CNY awarded");
        return achievements.dealFacts(t.achievementId()).map(f -> f.field().name()).defaultIfEmpty("UNKNOWN")
            .flatMap(field -> fence.map(f -> brokerage.award(dealId, award, field, f)).orElseGet(() -> brokerage.award(dealId, award, field)))
            .flatMap(written -> fence.map(f -> tenders.dealWritten(t.id(), f)).orElseGet(() -> tenders.dealWritten(t.id()))
                .then(slots.release(t.achievementId(), t.id())).thenReturn(written));
    }

    private Mono<TenderDocument> find(String id) {
        return tenders.find(id).switchIfEmpty(Mono.error(() -> new DealProblem("not-found", DomainException.Kind.NOT_FOUND, "No tender " + id + ".")));
    }
}
