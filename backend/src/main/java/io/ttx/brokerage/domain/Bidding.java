package io.ttx.brokerage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of auctions: scheduling, bidding, closing and cancelling. Pure functions of their arguments; the caller
 * stores an accepted auction conditionally on the version it read, so bids are decided one at a time.
 */
public final class Bidding {
    private Bidding() { }

    /**
     * A new LIVE auction, version 0. Checks in order: the caller (403), prices (422 invalid-prices), window (422
     * invalid-window), the listing's modes (422 open-licence-exclusive, mode-not-offered), the term sheet with the
     * starting price as upfront (422 as for a proposal). The caller checks the listing's status and trade method and
     * that no other auction is live.
     */
    public static TradeDecision<Auction> schedule(String id, AuctionPlan plan, Caller caller, DealRules rules, Instant now) {
        return TradeDecision.of(() -> {
            Broker broker = Organiser.of(caller, plan.sellerOrg());
            if (plan.startingPrice() <= 0 || plan.increment() <= 0 || !DealLimits.isAmount(plan.startingPrice())
                || !DealLimits.isAmount(plan.increment()) || !DealLimits.isAmount(plan.reservePrice())) {
                throw Refusal.unprocessable(DealCodes.INVALID_PRICES, "starting price and increment are above zero, and every price at most 10^13 yuan");
            }
            window(plan.opensAt(), plan.closesAt(), now);
            if (plan.antiSnipingSeconds() < 0 || plan.antiSnipingSeconds() > TradeLimits.ANTI_SNIPING_SECONDS) {
                throw Refusal.unprocessable(DealCodes.INVALID_WINDOW, "antiSnipingSeconds lies in [0, " + TradeLimits.ANTI_SNIPING_SECONDS + "]");
            }
            rules.requireMode(plan.termSheet().transferMode());
            TermSheetRules.check(plan.termSheet().withUpfront(plan.startingPrice()));
            return new Auction(id, plan.achievementId(), plan.sellerOrg(), broker, plan.startingPrice(), plan.reservePrice(),
                plan.increment(), plan.opensAt(), plan.closesAt(), plan.antiSnipingSeconds(), plan.termSheet(), AuctionState.LIVE,
                List.of(), null, caller.subject(), now, now, 0);
        });
    }

    /** Opening after now and within {@link TradeLimits#LEAD}, closing after opening and within {@link TradeLimits#RUN}. */
    static void window(Instant opensAt, Instant closesAt, Instant now) {
        if (!opensAt.isAfter(now) || opensAt.isAfter(now.plus(TradeLimits.LEAD))) {
            throw Refusal.unprocessable(DealCodes.INVALID_WINDOW, "opensAt lies in the future, at most " + TradeLimits.LEAD.toDays() + " days ahead");
        }
        if (!closesAt.isAfter(opensAt) || Duration.between(opensAt, closesAt).compareTo(TradeLimits.RUN) > 0) {
            throw Refusal.unprocessable(DealCodes.INVALID_WINDOW, "closesAt lies after opensAt, at most " + TradeLimits.RUN.toDays() + " days later");
        }
    }

    /**
     * A bid of {@code amount} fen. Checks in order: the bidder (403 for a non-enterprise, 422 self-dealing), the window
     * (409 auction-closed unless LIVE and opensAt &lt;= now &lt; closesAt), the amount (422 bid-too-low below the minimum
     * bid), the bound (409 limit-reached). Accepted: the bid appended, the close moved to now + antiSnipingSeconds when
     * that is later, version + 1.
     */
    public static TradeDecision<Auction> bid(Auction auction, String bidId, Caller caller, long amount, Instant now) {
        return TradeDecision.of(() -> {
            String org = Organiser.bidder(caller, auction.sellerOrg());
            if (auction.status(now) != AuctionStatus.OPEN || !now.isBefore(auction.closesAt())) {
                throw Refusal.conflict(DealCodes.AUCTION_CLOSED, "the auction does not take bids now");
            }
            long minimum = auction.minimumBid();
            if (amount < minimum || !DealLimits.isAmount(amount)) {
                throw Refusal.unprocessable(DealCodes.BID_TOO_LOW, "the least bid now is " + Fen.format(minimum));
            }
            if (auction.bids().size() >= TradeLimits.BIDS) {
                throw Refusal.conflict(DealCodes.LIMIT_REACHED, "an auction takes at most " + TradeLimits.BIDS + " bids");
            }
            List<AuctionBid> bids = new ArrayList<>(auction.bids());
            bids.add(new AuctionBid(bidId, org, caller.subject(), amount, now));
            Instant extended = now.plusSeconds(auction.antiSnipingSeconds());
            Instant closes = extended.isAfter(auction.closesAt()) ? extended : auction.closesAt();
            return auction.with(AuctionState.LIVE, bids, closes, null, now);
        });
    }

    /**
     * The close of a due auction ({@link Auction#isDue}): SOLD with {@code dealId} when the highest bid reaches the
     * reserve price, else UNSOLD. The deal's terms are {@link #soldTerms}.
     */
    public static Auction close(Auction auction, String dealId, Instant now) {
        if (!auction.isDue(now)) throw new IllegalStateException("auction " + auction.id() + " is not due");
        boolean sold = auction.highest().map(h -> h.amount() >= auction.reservePrice()).orElse(false);
        return auction.with(sold ? AuctionState.SOLD : AuctionState.UNSOLD, auction.bids(), auction.closesAt(),
            sold ? dealId : null, now);
    }

    /** The term sheet of a sold auction's deal: the auction's, with the hammer price as upfront. */
    public static TermSheet soldTerms(Auction auction) {
        AuctionBid winner = auction.highest().orElseThrow(() -> new IllegalStateException("no bids"));
        return auction.termSheet().withUpfront(winner.amount());
    }

    /**
     * Cancels a live auction before its first bid: the seller's TTO or a broker of the organisation that created it
     * (403), LIVE and not past its close (409 auction-closed), no bid (409 bids-placed).
     */
    public static TradeDecision<Auction> cancel(Auction auction, Caller caller, Instant now) {
        return TradeDecision.of(() -> {
            if (!Organiser.runs(caller, auction.sellerOrg(), auction.broker())) {
                throw Refusal.forbidden(DealCodes.FORBIDDEN, "only the seller's TTO or the auction's broker cancels it");
            }
            if (auction.state() != AuctionState.LIVE || !now.isBefore(auction.closesAt())) {
                throw Refusal.conflict(DealCodes.AUCTION_CLOSED, "the auction has ended");
            }
            if (!auction.bids().isEmpty()) throw Refusal.conflict(DealCodes.BIDS_PLACED, "an auction with bids is not cancelled");
            return auction.with(AuctionState.CANCELLED, auction.bids(), auction.closesAt(), null, now);
        });
    }

    /** Whether the caller sees the bidders' organisations: the seller's TTO, the auction's broker, admins, auditors. */
    public static boolean seesBidders(Auction auction, Caller caller) {
        return Organiser.runs(caller, auction.sellerOrg(), auction.broker()) || Organiser.oversees(caller);
    }
}
