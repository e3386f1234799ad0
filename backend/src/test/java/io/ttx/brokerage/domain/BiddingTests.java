package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.Fixtures.BROKER_ORG;
import static io.ttx.brokerage.domain.Fixtures.BUYER_ORG;
import static io.ttx.brokerage.domain.Fixtures.OTHER_BROKER_ORG;
import static io.ttx.brokerage.domain.Fixtures.RATE;
import static io.ttx.brokerage.domain.Fixtures.RULES;
import static io.ttx.brokerage.domain.Fixtures.SELLER_ORG;
import static io.ttx.brokerage.domain.Fixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The auction rules: scheduling, the bid sequence, anti-sniping, the close at the reserve, cancelling, who sees bidders. */
class BiddingTests {
    static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    static final Instant OPENS = NOW.plusSeconds(3_600);
    static final Instant CLOSES = OPENS.plusSeconds(7_200);
    static final Caller TTO = new Caller("tto-1", SELLER_ORG, Set.of(Role.TTO));
    static final Caller BROKER = new Caller("broker-1", BROKER_ORG, Set.of(Role.BROKER));
    static final Caller OTHER_BROKER = new Caller("broker-9", OTHER_BROKER_ORG, Set.of(Role.BROKER));
    static final Caller BUYER = new Caller("buyer-1", BUYER_ORG, Set.of(Role.ENTERPRISE));
    static final Caller BUYER_2 = new Caller("buyer-2", "91330100MA0000002X", Set.of(Role.ENTERPRISE));
    static final Caller ADMIN = new Caller("admin-1", null, Set.of(Role.ADMIN));
    static final Caller AUDITOR = new Caller("auditor-1", null, Set.of(Role.AUDITOR));

    /** Starting at 500,000.00 in steps of 10,000.00, reserve 800,000.00, two hours, 120 s of anti-sniping. */
    static AuctionPlan plan() {
        return new AuctionPlan("ach-1", SELLER_ORG, 50_000_000, 80_000_000, 1_000_000, OPENS, CLOSES, 120, sheet(TransferMode.EXCLUSIVE_LICENCE));
    }

    static Auction scheduled(Caller by) {
        return accepted(Bidding.schedule("auc-1", plan(), by, RULES, NOW));
    }

    static <T> T accepted(TradeDecision<T> d) {
        assertThat(d).isInstanceOf(TradeDecision.Accepted.class);
        return ((TradeDecision.Accepted<T>) d).value();
    }

    static void rejected(TradeDecision<?> d, RejectionKind kind, String code) {
        assertThat(d).isInstanceOfSatisfying(TradeDecision.Rejected.class, r -> {
            assertThat(r.rejection().kind()).isEqualTo(kind);
            assertThat(r.rejection().code()).isEqualTo(code);
        });
    }

    static Auction bid(Auction a, Caller who, long amount, Instant at) {
        return accepted(Bidding.bid(a, "bid-" + a.bids().size(), who, amount, at));
    }

    @Test
    void theSellersTtoSchedulesWithoutABrokerAndABrokerAsTheDealsBroker() {
        Auction byTto = scheduled(TTO);
        assertThat(byTto.broker()).isNull();
        assertThat(byTto.state()).isEqualTo(AuctionState.LIVE);
        assertThat(byTto.status(NOW)).isEqualTo(AuctionStatus.SCHEDULED);
        assertThat(byTto.status(OPENS)).isEqualTo(AuctionStatus.OPEN);
        assertThat(byTto.version()).isZero();
        assertThat(byTto.minimumBid()).isEqualTo(50_000_000);
        assertThat(scheduled(BROKER).broker()).isEqualTo(new Broker(BROKER_ORG, "broker-1"));
    }

    @Test
    void onlyTheSellersTtoOrABrokerSchedules() {
        for (Caller c : List.of(BUYER, ADMIN, AUDITOR, new Caller("tto-9", "12330100MB0000009X", Set.of(Role.TTO)),
                new Caller("researcher-1", SELLER_ORG, Set.of(Role.RESEARCHER)), new Caller("broker-0", null, Set.of(Role.BROKER)))) {
            rejected(Bidding.schedule("auc-1", plan(), c, RULES, NOW), RejectionKind.FORBIDDEN, DealCodes.FORBIDDEN);
        }
    }

    @ParameterizedTest
    @CsvSource({"0,1000000,80000000", "50000000,0,80000000", "-1,1000000,80000000", "50000000,1000000,-1",
        "100000000000000001,1000000,0"})
    void pricesAreAboveZeroAndBounded(long starting, long increment, long reserve) {
        AuctionPlan p = plan();
        AuctionPlan bad = new AuctionPlan(p.achievementId(), p.sellerOrg(), starting, reserve, increment, OPENS, CLOSES, 120, p.termSheet());
        rejected(Bidding.schedule("auc-1", bad, TTO, RULES, NOW), RejectionKind.UNPROCESSABLE, DealCodes.INVALID_PRICES);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 7200, 120", // opening now is not in the future
        "-60, 7200, 120",
        "3600, 0, 120", // closing at the opening
        "3600, -1, 120",
        "31622400, 7200, 120", // opening beyond 365 days
        "3600, 7776001, 120", // running beyond 90 days
        "3600, 7200, -1",
        "3600, 7200, 3601"})
    void theWindowLiesAheadInOrderAndBounded(long opensIn, long runs, int antiSniping) {
        Instant opens = NOW.plusSeconds(opensIn);
        AuctionPlan p = plan();
        AuctionPlan bad = new AuctionPlan(p.achievementId(), p.sellerOrg(), p.startingPrice(), p.reservePrice(), p.increment(), opens,
            opens.plusSeconds(runs), antiSniping, p.termSheet());
        rejected(Bidding.schedule("auc-1", bad, TTO, RULES, NOW), RejectionKind.UNPROCESSABLE, DealCodes.INVALID_WINDOW);
    }

    @Test
    void theLongestWindowAndExtensionAreAccepted() {
        AuctionPlan p = plan();
        Instant opens = NOW.plus(TradeLimits.LEAD);
        AuctionPlan longest = new AuctionPlan(p.achievementId(), p.sellerOrg(), 1, 0, 1, opens, opens.plus(TradeLimits.RUN),
            TradeLimits.ANTI_SNIPING_SECONDS, p.termSheet());
        assertThat(accepted(Bidding.schedule("auc-1", longest, TTO, RULES, NOW)).closesAt()).isEqualTo(opens.plus(TradeLimits.RUN));
    }

    @Test
    void theListingsModesAndTheTermSheetRulesApply() {
        AuctionPlan p = plan();
        DealRules onlyAssignment = new DealRules(RATE, false, null, Set.of(TransferMode.ASSIGNMENT), false);
        rejected(Bidding.schedule("auc-1", p, TTO, onlyAssignment, NOW), RejectionKind.UNPROCESSABLE, DealCodes.MODE_NOT_OFFERED);
        DealRules openLicence = new DealRules(RATE, false, null, Set.of(), true);
        rejected(Bidding.schedule("auc-1", p, TTO, openLicence, NOW), RejectionKind.UNPROCESSABLE, DealCodes.OPEN_LICENCE_EXCLUSIVE);
        TermSheet s = sheet(TransferMode.EXCLUSIVE_LICENCE);
        TermSheet badTiers = new TermSheet(s.transferMode(), s.fieldOfUse(), s.territory(), s.termStart(), s.termEnd(), false, 0,
            List.of(), List.of(new RoyaltyTier(null, RATE), new RoyaltyTier(null, RATE)), null, null);
        AuctionPlan bad = new AuctionPlan(p.achievementId(), p.sellerOrg(), p.startingPrice(), p.reservePrice(), p.increment(), OPENS,
            CLOSES, 120, badTiers);
        rejected(Bidding.schedule("auc-1", bad, TTO, RULES, NOW), RejectionKind.UNPROCESSABLE, DealCodes.INVALID_TIERS);
    }

    @Test
    void theFirstBidStartsAtTheStartingPriceAndEachNextOneIncrementHigher() {
        Auction a = scheduled(TTO);
        Instant t = OPENS.plusSeconds(10);
        rejected(Bidding.bid(a, "b", BUYER, 49_999_999, t), RejectionKind.UNPROCESSABLE, DealCodes.BID_TOO_LOW);
        a = bid(a, BUYER, 50_000_000, t);
        assertThat(a.highest().orElseThrow().amount()).isEqualTo(50_000_000);
        assertThat(a.minimumBid()).isEqualTo(51_000_000);
        assertThat(a.version()).isEqualTo(1);
        rejected(Bidding.bid(a, "b", BUYER_2, 50_999_999, t), RejectionKind.UNPROCESSABLE, DealCodes.BID_TOO_LOW);
        rejected(Bidding.bid(a, "b", BUYER_2, 50_000_000, t), RejectionKind.UNPROCESSABLE, DealCodes.BID_TOO_LOW);
        a = bid(a, BUYER_2, 51_000_000, t);
        a = bid(a, BUYER, 77_777_777, t); // any amount above the minimum
        assertThat(a.bids()).extracting(AuctionBid::amount).containsExactly(50_000_000L, 51_000_000L, 77_777_777L);
        assertThat(a.bids()).extracting(AuctionBid::org).containsExactly(BUYER_ORG, BUYER_2.org(), BUYER_ORG);
        assertThat(a.minimumBid()).isEqualTo(78_777_777);
        assertThat(a.closesAt()).isEqualTo(CLOSES);
    }

    @Test
    void bidsAreTakenFromTheOpeningUntilJustBeforeTheClose() {
        Auction a = scheduled(TTO);
        rejected(Bidding.bid(a, "b", BUYER, 60_000_000, OPENS.minusMillis(1)), RejectionKind.CONFLICT, DealCodes.AUCTION_CLOSED);
        assertThat(bid(a, BUYER, 60_000_000, OPENS).bids()).hasSize(1);
        Auction noSniping = new Auction(a.id(), a.achievementId(), a.sellerOrg(), null, a.startingPrice(), a.reservePrice(), a.increment(),
            a.opensAt(), a.closesAt(), 0, a.termSheet(), AuctionState.LIVE, List.of(), null, a.createdBy(), a.createdAt(), a.updatedAt(), 0);
        assertThat(bid(noSniping, BUYER, 60_000_000, CLOSES.minusMillis(1)).closesAt()).isEqualTo(CLOSES);
        rejected(Bidding.bid(noSniping, "b", BUYER, 60_000_000, CLOSES), RejectionKind.CONFLICT, DealCodes.AUCTION_CLOSED);
    }

    @ParameterizedTest
    @CsvSource({
        "7080, 7200", // 120 s before the close: close + 0, not moved (exactly antiSnipingSeconds left)
        "7081, 7201", // 119 s before: moved to bid time + 120
        "7199, 7319",
        "3600, 7200"})
    void aLateBidMovesTheCloseToItsTimePlusTheAntiSnipingSeconds(long secondsAfterOpening, long closesAfterOpening) {
        Auction a = bid(scheduled(TTO), BUYER, 50_000_000, OPENS.plusSeconds(secondsAfterOpening));
        assertThat(a.closesAt()).isEqualTo(OPENS.plusSeconds(closesAfterOpening));
    }

    @Test
    void aMovedCloseKeepsTakingBidsUntilTheNewClose() {
        Auction a = bid(scheduled(TTO), BUYER, 50_000_000, CLOSES.minusSeconds(1));
        assertThat(a.closesAt()).isEqualTo(CLOSES.plusSeconds(119));
        a = bid(a, BUYER_2, 51_000_000, CLOSES.plusSeconds(100));
        assertThat(a.closesAt()).isEqualTo(CLOSES.plusSeconds(220));
        assertThat(a.isDue(CLOSES.plusSeconds(219))).isFalse();
        assertThat(a.isDue(CLOSES.plusSeconds(220))).isTrue();
    }

    @Test
    void onlyEnterprisesOfOtherOrganisationsBid() {
        Auction a = scheduled(TTO);
        Instant t = OPENS.plusSeconds(1);
        for (Caller c : List.of(TTO, BROKER, ADMIN, AUDITOR, new Caller("buyer-0", null, Set.of(Role.ENTERPRISE)))) {
            rejected(Bidding.bid(a, "b", c, 60_000_000, t), RejectionKind.FORBIDDEN, DealCodes.FORBIDDEN);
        }
        Caller ownEnterprise = new Caller("e-1", SELLER_ORG, Set.of(Role.ENTERPRISE));
        rejected(Bidding.bid(a, "b", ownEnterprise, 60_000_000, t), RejectionKind.UNPROCESSABLE, DealCodes.OWN_ACHIEVEMENT);
        // the bidder is checked before the window
        rejected(Bidding.bid(a, "b", ownEnterprise, 60_000_000, NOW), RejectionKind.UNPROCESSABLE, DealCodes.OWN_ACHIEVEMENT);
    }

    @Test
    void anAuctionTakesAtMostItsBoundOfBids() {
        Auction a = scheduled(TTO);
        List<AuctionBid> full = new ArrayList<>();
        for (int i = 0; i < TradeLimits.BIDS; i++) full.add(new AuctionBid("b" + i, BUYER_ORG, "buyer-1", 50_000_000L + i * 1_000_000L, OPENS));
        Auction crowded = new Auction(a.id(), a.achievementId(), a.sellerOrg(), null, a.startingPrice(), a.reservePrice(), a.increment(),
            a.opensAt(), a.closesAt(), 120, a.termSheet(), AuctionState.LIVE, full, null, a.createdBy(), a.createdAt(), a.updatedAt(), 1000);
        rejected(Bidding.bid(crowded, "b", BUYER_2, 2_000_000_000L, OPENS.plusSeconds(1)), RejectionKind.CONFLICT, DealCodes.LIMIT_REACHED);
    }

    @Test
    void theCloseSellsAtTheReserveOrAboveAndTheDealTakesTheHammerPrice() {
        Auction a = bid(bid(scheduled(BROKER), BUYER, 50_000_000, OPENS), BUYER, 79_999_999, OPENS);
        assertThat(a.isDue(CLOSES.minusMillis(1))).isFalse();
        Auction unsold = Bidding.close(a, "deal-1", CLOSES);
        assertThat(unsold.state()).isEqualTo(AuctionState.UNSOLD);
        assertThat(unsold.dealId()).isNull();
        Auction b = bid(bid(scheduled(BROKER), BUYER, 50_000_000, OPENS), BUYER_2, 80_000_000, OPENS.plusSeconds(5)); // exactly the reserve
        Auction sold = Bidding.close(b, "deal-1", CLOSES);
        assertThat(sold.state()).isEqualTo(AuctionState.SOLD);
        assertThat(sold.status(CLOSES)).isEqualTo(AuctionStatus.SOLD);
        assertThat(sold.dealId()).isEqualTo("deal-1");
        assertThat(sold.version()).isEqualTo(b.version() + 1);
        TermSheet terms = Bidding.soldTerms(sold);
        assertThat(terms.upfront()).isEqualTo(80_000_000);
        assertThat(terms.withUpfront(sheet(TransferMode.EXCLUSIVE_LICENCE).upfront())).isEqualTo(sheet(TransferMode.EXCLUSIVE_LICENCE));
        assertThat(Bidding.close(scheduled(TTO), "deal-1", CLOSES).state()).as("no bids").isEqualTo(AuctionState.UNSOLD);
    }

    @Test
    void cancellingNeedsTheSellersTtoOrTheAuctionsBrokerAndNoBids() {
        Auction byBroker = scheduled(BROKER);
        assertThat(accepted(Bidding.cancel(byBroker, TTO, NOW)).status(NOW)).isEqualTo(AuctionStatus.CANCELLED);
        assertThat(accepted(Bidding.cancel(byBroker, new Caller("broker-2", BROKER_ORG, Set.of(Role.BROKER)), NOW)).state())
            .isEqualTo(AuctionState.CANCELLED);
        for (Caller c : List.of(OTHER_BROKER, BUYER, ADMIN, new Caller("researcher-1", SELLER_ORG, Set.of(Role.RESEARCHER)))) {
            rejected(Bidding.cancel(byBroker, c, NOW), RejectionKind.FORBIDDEN, DealCodes.FORBIDDEN);
        }
        rejected(Bidding.cancel(scheduled(TTO), BROKER, NOW), RejectionKind.FORBIDDEN, DealCodes.FORBIDDEN);
        Auction withBid = bid(byBroker, BUYER, 50_000_000, OPENS);
        rejected(Bidding.cancel(withBid, TTO, OPENS), RejectionKind.CONFLICT, DealCodes.BIDS_PLACED);
        rejected(Bidding.cancel(byBroker, TTO, CLOSES), RejectionKind.CONFLICT, DealCodes.AUCTION_CLOSED);
        Auction cancelled = accepted(Bidding.cancel(byBroker, TTO, NOW));
        rejected(Bidding.cancel(cancelled, TTO, NOW), RejectionKind.CONFLICT, DealCodes.AUCTION_CLOSED);
        rejected(Bidding.bid(cancelled, "b", BUYER, 60_000_000, OPENS), RejectionKind.CONFLICT, DealCodes.AUCTION_CLOSED);
    }

    @Test
    void biddersAreShownToTheSellersTtoTheAuctionsBrokerAdminsAndAuditorsOnly() {
        Auction a = scheduled(BROKER);
        assertThat(List.of(TTO, BROKER, ADMIN, AUDITOR)).allMatch(c -> Bidding.seesBidders(a, c));
        assertThat(List.of(BUYER, OTHER_BROKER, new Caller("researcher-1", SELLER_ORG, Set.of(Role.RESEARCHER))))
            .noneMatch(c -> Bidding.seesBidders(a, c));
    }

    @ParameterizedTest
    @EnumSource(AuctionState.class)
    void onlyALiveAuctionPastItsCloseIsDue(AuctionState state) {
        Auction a = scheduled(TTO);
        Auction in = new Auction(a.id(), a.achievementId(), a.sellerOrg(), null, a.startingPrice(), a.reservePrice(), a.increment(),
            a.opensAt(), a.closesAt(), 120, a.termSheet(), state, List.of(), null, a.createdBy(), a.createdAt(), a.updatedAt(), 0);
        assertThat(in.isDue(CLOSES)).isEqualTo(state == AuctionState.LIVE);
    }
}
