package io.ttx.brokerage;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import io.ttx.testsupport.TestOrgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.ttx.brokerage.TradeSteps.auctionBody;
import static io.ttx.brokerage.TradeSteps.problem;
import static io.ttx.brokerage.TradeSteps.tenderBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may run, bid in, offer to, cancel, award and read auctions and tenders: every role trying what it must not is
 * refused (and then the one who may succeeds, so the refusal was about the caller); bidders never see the reserve
 * price nor who bid. Each test has its own organisations and achievements; the clock is reset after each.
 */
class TradeAccessIT extends IntegrationTest {
    @Autowired
    MutableClock clock;

    private DealSteps s;
    private TradeSteps t;
    private String auditor;
    private String otherTto;
    private String otherBroker;
    /** An enterprise user of the seller's own organisation. */
    private String sellerEnterprise;

    @BeforeEach
    void people() {
        s = new DealSteps(api);
        t = new TradeSteps(s, clock);
        auditor = DealSteps.token("auditor-a", "auditor", null);
        String otherUniversity = TestOrgs.university();
        otherTto = DealSteps.token("tto-" + otherUniversity, "tto", otherUniversity);
        String otherBrokerOrg = TestOrgs.random("52", "330100");
        otherBroker = DealSteps.token("broker-" + otherBrokerOrg, "broker", otherBrokerOrg);
        sellerEnterprise = DealSteps.token("enterprise-" + s.sellerOrg, "enterprise", s.sellerOrg);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Researchers, enterprises, admins and auditors never run auctions or tenders (403 by role), nor does the TTO of
     * another organisation (403); nothing is created, and the seller's TTO then schedules the same body.
     */
    @Test
    void onlyTheSellersTtoOrABrokerSchedulesAndInvites() {
        String auctioned = t.listing("AUCTION");
        String tendered = t.listing("TENDER");
        Instant opens = t.now().plusSeconds(60);
        String auction = auctionBody(auctioned, "1000.00", "1000.00", "10.00", opens, opens.plusSeconds(600), 0);
        String tender = tenderBody(tendered, "10.00", opens);
        for (String caller : List.of(s.researcher, s.buyer, sellerEnterprise, s.admin, auditor, otherTto)) {
            problem(t.schedule(caller, auction), 403, "forbidden");
            problem(t.invite(caller, tender), 403, "forbidden");
        }
        JsonNode auctions = api.get().uri("/api/v1/auctions?achievementId={a}", auctioned).header(HttpHeaders.AUTHORIZATION, s.admin).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(auctions.get("items")).isEmpty();
        JsonNode tenders = api.get().uri("/api/v1/tenders?achievementId={a}", tendered).header(HttpHeaders.AUTHORIZATION, s.admin).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(tenders.get("items")).isEmpty();
        t.scheduled(s.tto, auction);
        t.invited(s.tto, tender);
    }

    /**
     * Only enterprises bid and offer: TTOs, brokers, researchers, admins and auditors get 403, the seller's own
     * organisation 422 self-dealing; no bid or offer is recorded, and another enterprise then bids and offers.
     */
    @Test
    void onlyOtherOrganisationsEnterprisesBidAndOffer() {
        String auction = t.openAuction(s.broker, t.listing("AUCTION"), "1000.00", "1000.00", "10.00", Duration.ofHours(1));
        String tender = t.invited(s.broker, tenderBody(t.listing("TENDER"), null, t.now().plusSeconds(3600))).get("id").asString();
        for (String caller : List.of(s.tto, s.broker, s.researcher, s.admin, auditor, otherTto, otherBroker)) {
            problem(t.bid(caller, auction, "k", "1000.00"), 403, "forbidden");
            problem(t.offer(caller, tender, "1000.00", "p"), 403, "forbidden");
        }
        problem(t.bid(sellerEnterprise, auction, "k", "1000.00"), 422, "self-dealing");
        problem(t.offer(sellerEnterprise, tender, "1000.00", "p"), 422, "self-dealing");
        assertThat(t.auction(s.tto, auction).get("bidCount").asInt()).isZero();
        assertThat(t.tender(s.tto, tender).get("offerCount").asLong()).isZero();
        t.accepted(s.buyer, auction, "k", "1000.00");
        t.offer(s.buyer, tender, "1000.00", "p").expectStatus().isCreated();
        assertThat(t.tender(s.tto, tender).get("offerCount").asLong()).isEqualTo(1);
    }

    /**
     * Cancelling: only the seller's TTO or a broker of the organisation that runs it (403 for another organisation's TTO
     * or broker, enterprises, researchers, admins, auditors); then another broker of the running organisation cancels.
     * Awarding: only the seller's TTO (403 for the tender's own broker, enterprises, admins, another TTO).
     */
    @Test
    void onlyTheRunnersCancelAndOnlyTheSellersTtoAwards() {
        Instant opens = t.now().plusSeconds(60);
        String auction = t.scheduled(s.broker, auctionBody(t.listing("AUCTION"), "1000.00", "1000.00", "10.00", opens, opens.plusSeconds(600), 0))
            .get("id").asString();
        String cancelled = t.invited(s.broker, tenderBody(t.listing("TENDER"), null, opens)).get("id").asString();
        for (String caller : List.of(otherTto, otherBroker, s.buyer, s.researcher, s.admin, auditor)) {
            problem(t.cancelAuction(caller, auction), 403, "forbidden");
            problem(t.cancelTender(caller, cancelled), 403, "forbidden");
        }
        assertThat(t.auction(s.tto, auction).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(t.tender(s.tto, cancelled).get("status").asString()).isEqualTo("OPEN");
        t.cancelAuction(s.broker2, auction).expectStatus().isOk();
        t.cancelTender(s.tto, cancelled).expectStatus().isOk();

        String tender = t.invited(s.broker, tenderBody(t.listing("TENDER"), null, t.now().plusSeconds(60))).get("id").asString();
        t.offer(s.buyer, tender, "100.00", "p").expectStatus().isCreated();
        clock.advance(Duration.ofSeconds(61));
        String offer = tender + "." + s.buyerOrg;
        for (String caller : List.of(s.buyer, s.broker, s.researcher, s.admin, auditor, otherTto, otherBroker)) {
            problem(t.award(caller, tender, offer), 403, "forbidden");
            problem(t.award(caller, tender, tender + ".nosuchorg"), 403, "forbidden"); // the caller before the offer
        }
        assertThat(t.tender(s.tto, tender).get("status").asString()).isEqualTo("CLOSED");
        t.award(s.tto, tender, offer).expectStatus().isCreated();
    }

    /**
     * Reading: everyone reads auctions and bids, but only the seller's TTO, the auction's brokers, admins and auditors
     * see the reserve price and the bidders' organisations; a bidder sees its own bids marked. Unauthenticated: 401.
     */
    @Test
    void biddersSeeNeitherTheReserveNorWhoBid() {
        String achievement = t.listing("AUCTION");
        String auction = t.openAuction(s.broker, achievement, "1000.00", "3000.00", "10.00", Duration.ofHours(1));
        String rival = DealSteps.otherBuyer();
        t.accepted(s.buyer, auction, "k1", "1000.00");
        t.accepted(rival, auction, "k2", "1100.00");

        for (String caller : List.of(s.tto, s.broker, s.broker2, s.admin, auditor)) {
            JsonNode a = t.auction(caller, auction);
            assertThat(TradeSteps.yuan(a.get("reservePrice"))).isEqualByComparingTo("3000.00");
            JsonNode bids = t.bids(caller, auction);
            assertThat(bids).hasSize(2);
            assertThat(bids.get(0).get("org").asString()).isEqualTo(s.buyerOrg);
            assertThat(bids.get(1).has("org")).isTrue();
            assertThat(bids.get(1).get("org").asString()).isNotEqualTo(s.buyerOrg);
        }
        for (String caller : List.of(s.buyer, rival, DealSteps.otherBuyer(), s.researcher, otherTto, otherBroker)) {
            JsonNode a = t.auction(caller, auction);
            assertThat(a.has("reservePrice")).as("reserve price shown").isFalse();
            assertThat(a.get("reserveMet").asBoolean()).isFalse();
            JsonNode bids = t.bids(caller, auction);
            assertThat(bids).hasSize(2);
            bids.forEach(b -> assertThat(b.has("org")).as("bidder shown").isFalse());
        }
        JsonNode mine = t.bids(s.buyer, auction);
        assertThat(mine.get(0).get("mine").asBoolean()).isTrue();
        assertThat(mine.get(1).get("mine").asBoolean()).isFalse();
        JsonNode theirs = t.bids(rival, auction);
        assertThat(theirs.get(0).get("mine").asBoolean()).isFalse();
        assertThat(theirs.get(1).get("mine").asBoolean()).isTrue();

        JsonNode page = api.get().uri("/api/v1/auctions?achievementId={a}", achievement).header(HttpHeaders.AUTHORIZATION, s.buyer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).has("reservePrice")).isFalse();
        JsonNode seen = api.get().uri("/api/v1/auctions?achievementId={a}", achievement).header(HttpHeaders.AUTHORIZATION, s.tto).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(seen.get("items").get(0).has("reservePrice")).isTrue();

        api.get().uri("/api/v1/auctions/{id}", auction).exchange().expectStatus().isUnauthorized();
        api.get().uri("/api/v1/auctions/{id}/bids", auction).exchange().expectStatus().isUnauthorized();
    }

    /**
     * Sealed offers to outsiders: before the close the seller's researcher, another TTO and another broker get 403,
     * and after the close too (only the seller's TTO, the tender's broker, admins and auditors read them all).
     */
    @Test
    void outsidersNeverReadOffers() {
        String tender = t.invited(s.tto, tenderBody(t.listing("TENDER"), null, t.now().plusSeconds(60))).get("id").asString();
        t.offer(s.buyer, tender, "100.00", "p").expectStatus().isCreated();
        List<String> outsiders = List.of(s.researcher, otherTto, otherBroker, s.broker);
        for (String caller : outsiders) problem(t.offers(caller, tender), 403, "forbidden");
        clock.advance(Duration.ofSeconds(61));
        for (String caller : outsiders) problem(t.offers(caller, tender), 403, "forbidden");
        assertThat(t.offersRead(DealSteps.otherBuyer(), tender)).isEmpty();
        assertThat(t.offersRead(s.tto, tender)).hasSize(1);
    }
}
