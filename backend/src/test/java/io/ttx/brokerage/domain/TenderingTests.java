package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.BiddingTests.ADMIN;
import static io.ttx.brokerage.domain.BiddingTests.AUDITOR;
import static io.ttx.brokerage.domain.BiddingTests.BROKER;
import static io.ttx.brokerage.domain.BiddingTests.BUYER;
import static io.ttx.brokerage.domain.BiddingTests.NOW;
import static io.ttx.brokerage.domain.BiddingTests.OTHER_BROKER;
import static io.ttx.brokerage.domain.BiddingTests.TTO;
import static io.ttx.brokerage.domain.BiddingTests.accepted;
import static io.ttx.brokerage.domain.BiddingTests.rejected;
import static io.ttx.brokerage.domain.Fixtures.BUYER_ORG;
import static io.ttx.brokerage.domain.Fixtures.RULES;
import static io.ttx.brokerage.domain.Fixtures.SELLER_ORG;
import static io.ttx.brokerage.domain.Fixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tender rules: inviting, sealed offers, reading them after the close, awarding, cancelling. */
class TenderingTests {
    static final Instant CLOSES = NOW.plusSeconds(86_400);

    static TenderPlan plan(Long minimum) {
        return new TenderPlan("ach-1", SELLER_ORG, minimum, CLOSES, sheet(TransferMode.ASSIGNMENT));
    }

    static Tender invited(Caller by) {
        return accepted(Tendering.invite("tnd-1", plan(30_000_000L), by, RULES, NOW));
    }

    static TenderOffer offer(long amount) {
        return new TenderOffer("tnd-1." + BUYER_ORG, "tnd-1", BUYER_ORG, "buyer-1", amount, "a plan", NOW, 1);
    }

    @Test
    void theSellersTtoOrABrokerInvitesAndTheTenderIsOpenUntilItsClose() {
        Tender t = invited(TTO);
        assertThat(t.broker()).isNull();
        assertThat(t.status(CLOSES.minusMillis(1))).isEqualTo(TenderStatus.OPEN);
        assertThat(t.status(CLOSES)).isEqualTo(TenderStatus.CLOSED);
        assertThat(invited(BROKER).broker()).isEqualTo(new Broker(BROKER.org(), "broker-1"));
        for (Caller c : List.of(BUYER, ADMIN, AUDITOR, new Caller("researcher-1", SELLER_ORG, Set.of(Role.RESEARCHER)))) {
            rejected(Tendering.invite("tnd-1", plan(null), c, RULES, NOW), RejectionKind.FORBIDDEN, DealCodes.FORBIDDEN);
        }
    }

    @Test
    void theMinimumIsOptionalAndTheCloseLiesAheadWithinAYear() {
        assertThat(accepted(Tendering.invite("tnd-1", plan(null), TTO, RULES, NOW)).minimumPrice()).isNull();
        rejected(Tendering.invite("tnd-1", plan(-1L), TTO, RULES, NOW), RejectionKind.UNPROCESSABLE, DealCodes.INVALID_PRICES);
        for (Instant closes : List.of(NOW, NOW.minusSeconds(1), NOW.plus(TradeLimits.LEAD).plusSeconds(1))) {
            TenderPlan p = new TenderPlan("ach-1", SELLER_ORG, null, closes, sheet(TransferMode.ASSIGNMENT));
            rejected(Tendering.invite("tnd-1", p, TTO, RULES, NOW), RejectionKind.UNPROCESSABLE, DealCodes.INVALID_WINDOW);
        }
        TenderPlan latest = new TenderPlan("ach-1", SELLER_ORG, null, NOW.plus(TradeLimits.LEAD), sheet(TransferMode.ASSIGNMENT));
        assertThat(accepted(Tendering.invite("tnd-1", latest, TTO, RULES, NOW)).closesAt()).isEqualTo(NOW.plus(TradeLimits.LEAD));
        DealRules licencesOnly = new DealRules(Fixtures.RATE, false, null, Set.of(TransferMode.ORDINARY_LICENCE), false);
        rejected(Tendering.invite("tnd-1", plan(null), TTO, licencesOnly, NOW), RejectionKind.UNPROCESSABLE, DealCodes.MODE_NOT_OFFERED);
    }

    @Test
    void anOfferIsAnEnterprisesAboveZeroAtLeastTheMinimumAndBeforeTheClose() {
        Tender t = invited(TTO);
        assertThat(accepted(Tendering.offer(t, BUYER, 30_000_000, NOW))).isEqualTo(BUYER_ORG);
        rejected(Tendering.offer(t, BUYER, 29_999_999, NOW), RejectionKind.UNPROCESSABLE, DealCodes.OFFER_TOO_LOW);
        Tender free = accepted(Tendering.invite("tnd-1", plan(null), TTO, RULES, NOW));
        assertThat(accepted(Tendering.offer(free, BUYER, 1, NOW))).isEqualTo(BUYER_ORG);
        rejected(Tendering.offer(free, BUYER, 0, NOW), RejectionKind.UNPROCESSABLE, DealCodes.OFFER_TOO_LOW);
        rejected(Tendering.offer(t, BUYER, 40_000_000, CLOSES), RejectionKind.CONFLICT, DealCodes.TENDER_CLOSED);
        for (Caller c : List.of(TTO, BROKER, ADMIN)) {
            rejected(Tendering.offer(t, c, 40_000_000, NOW), RejectionKind.FORBIDDEN, DealCodes.FORBIDDEN);
        }
        rejected(Tendering.offer(t, new Caller("e-1", SELLER_ORG, Set.of(Role.ENTERPRISE)), 40_000_000, NOW), RejectionKind.UNPROCESSABLE,
            DealCodes.OWN_ACHIEVEMENT);
    }

    @Test
    void offersAreSealedForEveryoneUntilTheCloseThenReadByThoseWhoRunItAndOverseers() {
        Tender t = invited(BROKER);
        for (Caller c : List.of(TTO, BROKER, ADMIN, AUDITOR, BUYER)) {
            assertThat(Tendering.readsAllOffers(t, c, CLOSES.minusMillis(1))).as(c.subject()).isFalse();
        }
        assertThat(List.of(TTO, BROKER, ADMIN, AUDITOR)).allMatch(c -> Tendering.readsAllOffers(t, c, CLOSES));
        assertThat(List.of(BUYER, OTHER_BROKER)).noneMatch(c -> Tendering.readsAllOffers(t, c, CLOSES));
    }

    @Test
    void theSellersTtoAwardsAfterTheCloseOnceAndTheDealTakesTheOffer() {
        Tender t = invited(BROKER);
        rejected(Tendering.award(t, TTO, offer(40_000_000), "deal-1", CLOSES.minusMillis(1)), RejectionKind.CONFLICT, DealCodes.TENDER_SEALED);
        for (Caller c : List.of(BROKER, ADMIN, BUYER)) {
            rejected(Tendering.award(t, c, offer(40_000_000), "deal-1", CLOSES), RejectionKind.FORBIDDEN, DealCodes.FORBIDDEN);
        }
        Tender awarded = accepted(Tendering.award(t, TTO, offer(40_000_000), "deal-1", CLOSES));
        assertThat(awarded.status(CLOSES)).isEqualTo(TenderStatus.AWARDED);
        assertThat(awarded.dealId()).isEqualTo("deal-1");
        assertThat(awarded.awardedOffer()).isEqualTo(offer(1).id());
        assertThat(awarded.awardedBy()).isEqualTo("tto-1");
        assertThat(awarded.version()).isEqualTo(1);
        assertThat(Tendering.awardedTerms(awarded, offer(40_000_000)).upfront()).isEqualTo(40_000_000);
        rejected(Tendering.award(awarded, TTO, offer(40_000_000), "deal-2", CLOSES), RejectionKind.CONFLICT, DealCodes.TENDER_CLOSED);
        rejected(Tendering.cancel(awarded, TTO, CLOSES), RejectionKind.CONFLICT, DealCodes.TENDER_CLOSED);
        rejected(Tendering.offer(awarded, BUYER, 50_000_000, NOW), RejectionKind.CONFLICT, DealCodes.TENDER_CLOSED);
    }

    @Test
    void aTenderNotYetAwardedIsCancelledByTheSellersTtoOrItsBroker() {
        Tender t = invited(BROKER);
        assertThat(accepted(Tendering.cancel(t, TTO, NOW)).status(NOW)).isEqualTo(TenderStatus.CANCELLED);
        assertThat(accepted(Tendering.cancel(t, BROKER, CLOSES)).state()).as("closed, not awarded").isEqualTo(TenderState.CANCELLED);
        for (Caller c : List.of(OTHER_BROKER, ADMIN, BUYER)) rejected(Tendering.cancel(t, c, NOW), RejectionKind.FORBIDDEN, DealCodes.FORBIDDEN);
        Tender cancelled = accepted(Tendering.cancel(t, TTO, NOW));
        rejected(Tendering.award(cancelled, TTO, offer(40_000_000), "deal-1", CLOSES), RejectionKind.CONFLICT, DealCodes.TENDER_CLOSED);
    }
}
