package io.ttx.brokerage.domain;

import java.util.Locale;
import java.time.Instant;

/** The rules of tenders: inviting, offering, reading sealed offers, awarding and cancelling. Pure functions. */
public final class Tendering {
    private Tendering() { }

    /**
     * A new OPEN tender, version 0. Checks in order: the caller (403), the minimum price (422 invalid-prices when
     * negative or above the bound), the close (422 invalid-window: in the future, at most a year ahead), the
     * listing's modes and the term sheet (with the minimum price as upfront). The caller checks the listing.
     */
    public static TradeDecision<Tender> invite(String id, TenderPlan plan, Caller caller, DealRules rules, Instant now) {
        return TradeDecision.of(() -> {
            Broker broker = Organiser.of(caller, plan.sellerOrg());
            Long minimum = plan.minimumPrice();
            if (minimum != null && !DealLimits.isAmount(minimum)) {
                throw Refusal.unprocessable(DealCodes.INVALID_PRICES, "the minimum price lies in [0, 10^13] yuan");
            }
            if (!plan.closesAt().isAfter(now) || plan.closesAt().isAfter(now.plus(TradeLimits.LEAD))) {
                throw Refusal.unprocessable(DealCodes.INVALID_WINDOW, "closesAt lies in the future, at most " + TradeLimits.LEAD.toDays() + " days ahead");
            }
            rules.requireMode(plan.termSheet().transferMode());
            TermSheetRules.check(plan.termSheet().withUpfront(minimum == null ? 0 : minimum));
            return new Tender(id, plan.achievementId(), plan.sellerOrg(), broker, minimum, plan.closesAt(), plan.termSheet(),
                TenderState.OPEN, null, null, null, caller.subject(), now, now, 0);
        });
    }

    /**
     * Checks an offer of {@code amount} fen and returns the offering organisation: the caller (403 for a non-enterprise,
     * 422 self-dealing), the tender still open (409 tender-closed), the amount (422 offer-too-low: above zero and at
     * least the minimum price).
     */
    public static TradeDecision<String> offer(Tender tender, Caller caller, long amount, Instant now) {
        return TradeDecision.of(() -> {
            String org = Organiser.bidder(caller, tender.sellerOrg());
            if (tender.status(now) != TenderStatus.OPEN) throw Refusal.conflict(DealCodes.TENDER_CLOSED, "the tender takes no offers now");
            Long minimum = tender.minimumPrice();
            if (amount <= 0 || minimum != null && amount < minimum || !DealLimits.isAmount(amount)) {
                throw Refusal.unprocessable(DealCodes.OFFER_TOO_LOW, "an offer is above zero" + (minimum == null ? "" : " and at least " + Fen.format(minimum)));
            }
            return org;
        });
    }

    /**
     * Who reads every offer: after the close only, the seller's TTO and the tender's broker, admins and auditors. Before
     * the close nobody does (an organisation reads its own offer only).
     */
    public static boolean readsAllOffers(Tender tender, Caller caller, Instant now) {
        return tender.status(now) != TenderStatus.OPEN
            && runsOrOversees(tender, caller);
    }

    /** The seller's TTO, the tender's broker, admins and auditors: who reads every offer once the tender has closed. */
    public static boolean runsOrOversees(Tender tender, Caller caller) {
        return Organiser.runs(caller, tender.sellerOrg(), tender.broker()) || Organiser.oversees(caller);
    }

    /** Whether the caller may award at all (the seller's TTO): checked before the offer is looked up. */
    public static boolean mayAward(Tender tender, Caller caller) {
        return Organiser.isSellerTto(caller, tender.sellerOrg());
    }

    /**
     * Awards {@code offer}: the seller's TTO only (403), after the close (409 tender-sealed while open), not awarded or
     * cancelled before (409 tender-closed). The offer belongs to the tender (the caller looked it up there).
     */
    public static TradeDecision<Tender> award(Tender tender, Caller caller, TenderOffer offer, String dealId, Instant now) {
        return TradeDecision.of(() -> {
            if (!Organiser.isSellerTto(caller, tender.sellerOrg())) throw Refusal.forbidden(DealCodes.FORBIDDEN, "only the seller's TTO awards a tender");
            TenderStatus status = tender.status(now);
            if (status == TenderStatus.OPEN) throw Refusal.conflict(DealCodes.TENDER_SEALED, "offers are sealed until the tender closes");
            if (status != TenderStatus.CLOSED) throw Refusal.conflict(DealCodes.TENDER_CLOSED, "the tender was " + status.name().toLowerCase(Locale.ROOT));
            if (!offer.tenderId().equals(tender.id())) throw new IllegalArgumentException("the offer is not one of this tender's");
            return tender.with(TenderState.AWARDED, offer.id(), dealId, caller.subject(), now);
        });
    }

    /** Cancels a tender not yet awarded: the seller's TTO or the tender's broker (403); OPEN or CLOSED (409 tender-closed). */
    public static TradeDecision<Tender> cancel(Tender tender, Caller caller, Instant now) {
        return TradeDecision.of(() -> {
            if (!Organiser.runs(caller, tender.sellerOrg(), tender.broker())) {
                throw Refusal.forbidden(DealCodes.FORBIDDEN, "only the seller's TTO or the tender's broker cancels it");
            }
            if (tender.state() != TenderState.OPEN) throw Refusal.conflict(DealCodes.TENDER_CLOSED, "the tender has ended");
            return tender.with(TenderState.CANCELLED, null, null, null, now);
        });
    }

    /** The term sheet of an awarded offer's deal: the tender's, with the offer's amount as upfront. */
    public static TermSheet awardedTerms(Tender tender, TenderOffer offer) {
        return tender.termSheet().withUpfront(offer.amount());
    }
}
