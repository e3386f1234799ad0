package io.ttx.brokerage;

import io.ttx.brokerage.persistence.AuctionStore;
import io.ttx.testsupport.ContractConformance;
import io.ttx.testsupport.TestOrgs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.ttx.brokerage.DealSteps.JSON;
import static io.ttx.brokerage.DealSteps.money;
import static io.ttx.brokerage.TradeSteps.auctionBody;
import static io.ttx.brokerage.TradeSteps.problem;
import static io.ttx.brokerage.TradeSteps.yuan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * English auctions end to end: concurrent bids decided one at a time, idempotent bids, anti-sniping, the close by the
 * job (SOLD into a deal at TERMS_AGREED, or UNSOLD), and the scheduling rules. Each test has its own organisations and
 * achievements; the application clock is moved forward where a test needs time to pass, and reset after it.
 */
class AuctionIT extends TradeIT {
    /** The closing job runs every 500 ms, so an auction closes within 2 s of its close; generous for two cores. */
    private static final Duration CLOSE = Duration.ofSeconds(10);

    @Autowired
    ReactiveMongoTemplate mongo;
    @LocalServerPort
    int port;

    private record Answer(String bidder, String org, String amount, int status, JsonNode body) { }

    /**
     * 100 concurrent bids of 5 organisations (20 each) with random amounts above the starting price: the accepted ones
     * are strictly increasing by at least the increment, every 201 is in the list (none lost, none extra), every other
     * answer is 422 bid-too-low, and the auction's highest bid and count agree with them.
     */
    @Test
    void oneHundredConcurrentBidsAreDecidedOneAtATime() {
        String auction = t.openAuction(s.tto, t.listing("AUCTION"), "1000.00", "1000.00", "10.00", Duration.ofHours(1));
        List<String> orgs = new ArrayList<>();
        List<String> bidders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String org = TestOrgs.random("91", "330100");
            orgs.add(org);
            bidders.add(DealSteps.token("bidder-" + org, "enterprise", org));
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> amounts = new ArrayList<>();
        // 1,000.00 to 2,000.00 in cents: many bids lie within one increment of another
        for (int i = 0; i < 100; i++) amounts.add(BigDecimal.valueOf(100_000 + random.nextLong(100_001), 2).toPlainString());
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).filter(new ContractConformance()).build();
        List<Answer> answers = Flux.range(0, 100).flatMap(i -> client.post().uri("/api/v1/auctions/{id}/bids", auction)
                .header(HttpHeaders.AUTHORIZATION, bidders.get(i % 5)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":" + money(amounts.get(i)) + "}")
                .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("{}")
                    .map(b -> new Answer(bidders.get(i % 5), orgs.get(i % 5), amounts.get(i), r.statusCode().value(), JSON.readTree(b)))), 100)
            .collectList().block(Duration.ofSeconds(120));

        assertThat(answers).hasSize(100);
        List<Answer> won = answers.stream().filter(a -> a.status() == 201).toList();
        List<Answer> refused = answers.stream().filter(a -> a.status() != 201).toList();
        assertThat(won).isNotEmpty();
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.status()).as("refused bid of %s", a.amount()).isEqualTo(422);
            assertThat(a.body().get("code").asString()).isEqualTo("bid-too-low");
        });
        // every accepted answer is the bid it was sent for, with a bid id of its own
        assertThat(won).allSatisfy(a -> {
            assertThat(yuan(a.body().get("amount"))).isEqualByComparingTo(a.amount());
            assertThat(a.body().get("auctionId").asString()).isEqualTo(auction);
        });
        assertThat(won.stream().map(a -> a.body().get("id").asString()).distinct()).hasSize(won.size());

        // the seller's TTO sees every accepted bid with its organisation, in order
        JsonNode list = t.bids(s.tto, auction);
        assertThat(list).hasSize(won.size());
        BigDecimal increment = new BigDecimal("10.00");
        BigDecimal previous = null;
        Instant previousAt = Instant.MIN;
        for (JsonNode b : list) {
            BigDecimal amount = yuan(b.get("amount"));
            if (previous == null) assertThat(amount).isGreaterThanOrEqualTo(new BigDecimal("1000.00"));
            else assertThat(amount).isGreaterThanOrEqualTo(previous.add(increment));
            Instant at = Instant.parse(b.get("at").asString());
            assertThat(at).isAfterOrEqualTo(previousAt);
            assertThat(b.get("mine").asBoolean()).isFalse();
            previous = amount;
            previousAt = at;
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode b : list) listed.add(yuan(b.get("amount")).toPlainString() + "|" + Instant.parse(b.get("at").asString()) + "|" + b.get("org").asString());
        Set<String> answered = won.stream().map(a -> yuan(a.body().get("amount")).toPlainString() + "|" + Instant.parse(a.body().get("at").asString())
            + "|" + a.org()).collect(Collectors.toSet());
        assertThat(listed).isEqualTo(answered);

        BigDecimal max = won.stream().map(a -> new BigDecimal(a.amount())).max(BigDecimal::compareTo).orElseThrow();
        JsonNode after = t.auction(s.tto, auction);
        assertThat(yuan(after.get("highestBid"))).isEqualByComparingTo(max).isEqualByComparingTo(yuan(list.get(list.size() - 1).get("amount")));
        assertThat(after.get("bidCount").asInt()).isEqualTo(won.size());
        assertThat(yuan(after.get("minimumBid"))).isEqualByComparingTo(max.add(increment));
        assertThat(after.get("status").asString()).isEqualTo("OPEN");
    }

    /**
     * The Idempotency-Key: a replay of an accepted bid answers the same 201 even once the amount would be too low, and adds
     * nothing; the key with another amount is 422 idempotency-key-reused; a refused bid replayed gets the same problem
     * even when the auction would take it now; the key is the bidder's (another bidder's same key is another bid); no
     * key or a malformed one is 400; concurrent sends of one key make one bid and get one answer.
     */
    @Test
    void bidsAreIdempotentPerBidderAndKey() {
        String other = DealSteps.otherBuyer();
        Instant opens = t.now().plusSeconds(60);
        String auction = t.scheduled(s.tto, auctionBody(t.listing("AUCTION"), "1000.00", "1000.00", "10.00", opens, opens.plusSeconds(3600), 0))
            .get("id").asString();
        // refused before the opening, and still refused on replay once the auction is open
        problem(t.bid(s.buyer, auction, "early", "1000.00"), 409, "auction-closed");
        clock.advance(Duration.ofSeconds(61));
        assertThat(t.auction(s.buyer, auction).get("status").asString()).isEqualTo("OPEN");
        problem(t.bid(s.buyer, auction, "early", "1000.00"), 409, "auction-closed");

        JsonNode first = t.accepted(s.buyer, auction, "k-1", "1000.00");
        assertThat(t.accepted(s.buyer, auction, "k-1", "1000.00")).isEqualTo(first);
        problem(t.bid(s.buyer, auction, "k-1", "1100.00"), 422, "idempotency-key-reused");
        // the same key string of another bidder is another bid
        JsonNode second = t.accepted(other, auction, "k-1", "2000.00");
        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        // 1000.00 is far too low now, yet the replay answers the original acceptance
        assertThat(t.accepted(s.buyer, auction, "k-1", "1000.00")).isEqualTo(first);
        problem(t.bid(s.buyer, auction, "k-1", "5000.00"), 422, "idempotency-key-reused");

        problem(t.bid(s.buyer, auction, "k-2", "2005.00"), 422, "bid-too-low");
        problem(t.bid(s.buyer, auction, "k-2", "2005.00"), 422, "bid-too-low");
        problem(t.bid(s.buyer, auction, "k-2", "3000.00"), 422, "idempotency-key-reused");

        problem(t.bid(s.buyer, auction, null, "3000.00"), 400, "validation-failed");
        problem(t.bid(s.buyer, auction, "has space", "3000.00"), 400, "validation-failed");
        problem(t.bid(s.buyer, auction, "x".repeat(201), "3000.00"), 400, "validation-failed");

        // ten concurrent sends of one new key: one bid, ten identical answers
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).filter(new ContractConformance()).build();
        List<Answer> same = Flux.range(0, 10).flatMap(i -> client.post().uri("/api/v1/auctions/{id}/bids", auction)
                .header(HttpHeaders.AUTHORIZATION, s.buyer).header("Idempotency-Key", "k-3").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":" + money("2500.00") + "}")
                .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("{}")
                    .map(b -> new Answer(s.buyer, s.buyerOrg, "2500.00", r.statusCode().value(), JSON.readTree(b)))), 10)
            .collectList().block(Duration.ofSeconds(60));
        assertThat(same).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(same.stream().map(Answer::body).distinct()).hasSize(1);

        JsonNode after = t.auction(s.tto, auction);
        assertThat(after.get("bidCount").asInt()).isEqualTo(3);
        assertThat(yuan(after.get("highestBid"))).isEqualByComparingTo("2500.00");
        JsonNode bids = t.bids(s.tto, auction);
        assertThat(bids).hasSize(3);
        assertThat(bids.get(0).get("org").asString()).isEqualTo(s.buyerOrg);
        assertThat(Instant.parse(bids.get(0).get("at").asString())).isEqualTo(Instant.parse(first.get("at").asString()));
    }

    /**
     * A bid within antiSnipingSeconds of the close moves the close to the bid's time plus that many seconds (in real
     * time); the auction then takes bids past its original close, and the job closes it at the moved close. A bid
     * earlier than that leaves the close alone.
     */
    @Test
    void aLateBidMovesTheClose() {
        String lateListing = t.listing("AUCTION");
        String earlyListing = t.listing("AUCTION");
        Instant now = t.now();
        Instant closes = now.plusSeconds(6);
        JsonNode scheduled = t.scheduled(s.tto, auctionBody(lateListing, "1000.00", "1000.00", "10.00", now.plusSeconds(1), closes, 30));
        assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
        String late = scheduled.get("id").asString();
        Instant farClose = now.plusSeconds(600);
        String early = t.scheduled(s.tto, auctionBody(earlyListing, "1000.00", "1000.00", "10.00", now.plusSeconds(1), farClose, 30))
            .get("id").asString();
        eventually(Duration.ofSeconds(10), () -> assertThat(t.auction(s.buyer, late).get("status").asString()).isEqualTo("OPEN"));

        JsonNode bid = t.accepted(s.buyer, late, "late-1", "1000.00");
        Instant moved = Instant.parse(bid.get("at").asString()).plusSeconds(30);
        assertThat(Instant.parse(bid.get("closesAt").asString())).isEqualTo(moved).isAfter(closes);
        assertThat(Instant.parse(t.auction(s.buyer, late).get("closesAt").asString())).isEqualTo(moved);

        JsonNode calm = t.accepted(s.buyer, early, "early-1", "1000.00");
        assertThat(Instant.parse(calm.get("closesAt").asString())).isEqualTo(farClose);
        assertThat(Instant.parse(t.auction(s.buyer, early).get("closesAt").asString())).isEqualTo(farClose);

        // past the original close, before the moved one: still open, and another late bid moves it again
        clock.advance(Duration.ofSeconds(10));
        assertThat(t.now()).isAfter(closes).isBefore(moved);
        assertThat(t.auction(s.buyer, late).get("status").asString()).isEqualTo("OPEN");
        String other = DealSteps.otherBuyer();
        JsonNode again = t.accepted(other, late, "late-2", "1010.00");
        Instant movedAgain = Instant.parse(again.get("at").asString()).plusSeconds(30);
        assertThat(Instant.parse(again.get("closesAt").asString())).isEqualTo(movedAgain).isAfter(moved);

        // the job closes it at the moved close, keeping that close
        clock.advance(Duration.ofSeconds(40));
        eventually(CLOSE, () -> assertThat(t.auction(s.buyer, late).get("status").asString()).isEqualTo("SOLD"));
        JsonNode sold = t.auction(s.tto, late);
        assertThat(Instant.parse(sold.get("closesAt").asString())).isEqualTo(movedAgain);
        assertThat(yuan(sold.get("highestBid"))).isEqualByComparingTo("1010.00");
        // run by the seller's TTO: the deal has no broker yet (it waits in the claim queue)
        JsonNode deal = awaitDeal(other, sold.get("dealId").asString());
        assertThat(deal.get("buyerOrg").asString()).isNotEqualTo(s.buyerOrg);
        assertThat(yuan(deal.get("termSheet").get("upfront"))).isEqualByComparingTo("1010.00");
        assertThat(deal.get("broker").isNull()).isTrue();
    }

    /**
     * A broker's auction closed by the job with the highest bid at or above the reserve: SOLD, and the deal between the
     * seller and the winner at TERMS_AGREED, the hammer price as upfront, brokered by the auction's broker. The
     * achievement may then be auctioned again.
     */
    @Test
    void theJobSellsToTheHighestBidderIntoADealAtTermsAgreed() {
        String achievement = t.listing("AUCTION");
        String auction = t.openAuction(s.broker, achievement, "1000.00", "1500.00", "100.00", Duration.ofMinutes(2));
        String loser = DealSteps.otherBuyer();
        t.accepted(loser, auction, "a", "1000.00");
        JsonNode open = t.auction(s.buyer, auction);
        assertThat(open.get("reserveMet").asBoolean()).isFalse();
        assertThat(open.has("reservePrice")).isFalse();
        t.accepted(s.buyer, auction, "b", "1600.00");
        problem(t.bid(loser, auction, "c", "1650.00"), 422, "bid-too-low");
        assertThat(t.auction(s.buyer, auction).get("reserveMet").asBoolean()).isTrue();

        clock.advance(Duration.ofMinutes(2));
        eventually(CLOSE, () -> assertThat(t.auction(s.buyer, auction).get("status").asString()).isEqualTo("SOLD"));
        JsonNode sold = t.auction(s.broker, auction);
        String dealId = sold.get("dealId").asString();
        assertThat(dealId).isNotBlank();
        assertThat(yuan(sold.get("highestBid"))).isEqualByComparingTo("1600.00");
        assertThat(sold.get("broker").get("org").asString()).isEqualTo(s.brokerOrg);
        problem(t.bid(loser, auction, "d", "5000.00"), 409, "auction-closed");
        problem(t.cancelAuction(s.broker, auction), 409, "auction-closed");

        JsonNode deal = awaitDeal(s.buyer, dealId);
        assertThat(deal.get("stage").asString()).isEqualTo("TERMS_AGREED");
        assertThat(deal.get("achievementId").asString()).isEqualTo(achievement);
        assertThat(deal.get("sellerOrg").asString()).isEqualTo(s.sellerOrg);
        assertThat(deal.get("buyerOrg").asString()).isEqualTo(s.buyerOrg);
        assertThat(yuan(deal.get("termSheet").get("upfront"))).isEqualByComparingTo("1600.00");
        assertThat(deal.get("termSheet").get("transferMode").asString()).isEqualTo("EXCLUSIVE_LICENCE");
        assertThat(deal.get("termSheet").get("fieldOfUse").get(0).asString()).isEqualTo("C38");
        assertThat(deal.get("broker").get("org").asString()).isEqualTo(s.brokerOrg);
        assertThat(deal.get("broker").get("subject").asString()).isEqualTo("broker-a-" + s.brokerOrg);
        assertThat(deal.get("version").asLong()).isZero();
        assertThat(deal.get("intendedMode").asString()).isEqualTo("EXCLUSIVE_LICENCE");
        JsonNode opening = api.get().uri("/api/v1/deals/{id}/trail", dealId).header(HttpHeaders.AUTHORIZATION, s.buyer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items").get(0);
        assertThat(opening.get("by").asString()).isEqualTo("buyer-" + s.buyerOrg);
        assertThat(opening.get("actedAs").asString()).isEqualTo("BUYER");
        assertThat(opening.get("stageAfter").asString()).isEqualTo("TERMS_AGREED");
        assertThat(opening.get("note").asString()).contains(auction);
        // the seller's TTO and the broker see it too; the losing bidder does not
        assertThat(s.get(s.tto, dealId).get("id").asString()).isEqualTo(dealId);
        assertThat(s.get(s.broker, dealId).get("stage").asString()).isEqualTo("TERMS_AGREED");
        api.get().uri("/api/v1/deals/{id}", dealId).header(HttpHeaders.AUTHORIZATION, loser).exchange().expectStatus().isNotFound();

        // the slot is free: another auction of the same achievement
        Instant opens = t.now().plusSeconds(60);
        t.scheduled(s.tto, auctionBody(achievement, "2000.00", "2000.00", "100.00", opens, opens.plusSeconds(600), 0));
    }

    /**
     * Closed below the reserve: UNSOLD, no deal (the bidder has none on the achievement), and the achievement free for
     * another auction; an auction without bids closes UNSOLD too.
     */
    @Test
    void belowTheReserveTheAuctionClosesUnsold() {
        String achievement = t.listing("AUCTION");
        String auction = t.openAuction(s.tto, achievement, "1000.00", "5000.00", "100.00", Duration.ofMinutes(2));
        t.accepted(s.buyer, auction, "a", "4900.00");
        clock.advance(Duration.ofMinutes(2));
        eventually(CLOSE, () -> assertThat(t.auction(s.buyer, auction).get("status").asString()).isEqualTo("UNSOLD"));
        JsonNode unsold = t.auction(s.tto, auction);
        assertThat(unsold.get("dealId").isNull()).isTrue();
        assertThat(unsold.get("reserveMet").asBoolean()).isFalse();
        assertThat(yuan(unsold.get("highestBid"))).isEqualByComparingTo("4900.00");
        JsonNode deals = api.get().uri("/api/v1/deals?achievementId={a}", achievement).header(HttpHeaders.AUTHORIZATION, s.buyer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(deals.get("items")).isEmpty();

        String next = t.openAuction(s.tto, achievement, "1000.00", "1000.00", "100.00", Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(2));
        eventually(CLOSE, () -> assertThat(t.auction(s.buyer, next).get("status").asString()).isEqualTo("UNSOLD"));
        assertThat(t.auction(s.tto, next).get("dealId").isNull()).isTrue();
    }

    /**
     * One auction in a state no deal can be written from (SOLD without a bid, dealPending: only a corrupted document
     * looks like that) sorts first among the closing job's work; it is logged and skipped, and the auction after it
     * still closes. Before, it failed every round for all of them. Seen failing without the job's deferred settling.
     */
    @Test
    void anAuctionTheJobCannotSettleHoldsNoOtherAuctionBack() {
        String broken = t.openAuction(s.tto, t.listing("AUCTION"), "1000.00", "1000.00", "100.00", Duration.ofHours(1));
        String due = t.openAuction(s.tto, t.listing("AUCTION"), "1000.00", "1000.00", "100.00", Duration.ofMinutes(2));
        Query byId = Query.query(Criteria.where("_id").is(broken));
        mongo.updateFirst(byId, new Update().set("auction.state", "SOLD").set("state", "SOLD").set("dealPending", true)
            .set("closesAt", Date.from(clock.instant().minus(Duration.ofDays(1)))), AuctionStore.COLLECTION).block(Duration.ofSeconds(10));
        try {
            clock.advance(Duration.ofMinutes(2));
            eventually(CLOSE, () -> assertThat(t.auction(s.tto, due).get("status").asString()).isEqualTo("UNSOLD"));
        } finally {
            mongo.updateFirst(byId, new Update().set("dealPending", false), AuctionStore.COLLECTION).block(Duration.ofSeconds(10));
        }
    }

    /**
     * Scheduling: the listing must be traded by auction (409 trade-method), one live auction or tender per achievement
     * (409 auction-exists), a window in the future and in order (422 invalid-window), prices above zero (422
     * invalid-prices). A cancellation before the first bid frees the achievement; after it, 409 bids-placed.
     */
    @Test
    void schedulingAndCancellationRules() {
        Instant opens = t.now().plusSeconds(60);
        Instant closes = opens.plusSeconds(3600);
        problem(t.schedule(s.tto, auctionBody(t.listing("NEGOTIATED"), "1000.00", "1000.00", "10.00", opens, closes, 0)), 409, "trade-method");
        problem(t.schedule(s.tto, auctionBody(t.listing("TENDER"), "1000.00", "1000.00", "10.00", opens, closes, 0)), 409, "trade-method");
        String achievement = t.listing("AUCTION");
        problem(t.schedule(s.tto, auctionBody(achievement, "1000.00", "1000.00", "10.00", t.now().minusSeconds(60), closes, 0)), 422, "invalid-window");
        problem(t.schedule(s.tto, auctionBody(achievement, "1000.00", "1000.00", "10.00", opens, opens.minusSeconds(1), 0)), 422, "invalid-window");
        problem(t.schedule(s.tto, auctionBody(achievement, "1000.00", "1000.00", "10.00", opens, opens.plus(Duration.ofDays(91)), 0)), 422, "invalid-window");
        problem(t.schedule(s.tto, auctionBody(achievement, "0.00", "1000.00", "10.00", opens, closes, 0)), 422, "invalid-prices");
        problem(t.schedule(s.tto, auctionBody(achievement, "1000.00", "1000.00", "0.00", opens, closes, 0)), 422, "invalid-prices");
        // none of the refusals took the achievement's slot
        JsonNode first = t.scheduled(s.tto, auctionBody(achievement, "1000.00", "1200.00", "10.00", opens, closes, 0));
        assertThat(first.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(first.has("broker")).isFalse();
        assertThat(yuan(first.get("reservePrice"))).isEqualByComparingTo("1200.00");
        assertThat(first.get("highestBid").isNull()).isTrue();
        assertThat(first.get("bidCount").asInt()).isZero();
        assertThat(yuan(first.get("minimumBid"))).isEqualByComparingTo("1000.00");
        problem(t.schedule(s.tto, auctionBody(achievement, "1000.00", "1000.00", "10.00", opens, closes, 0)), 409, "auction-exists");
        problem(t.schedule(s.broker, auctionBody(achievement, "1000.00", "1000.00", "10.00", opens, closes, 0)), 409, "auction-exists");
        problem(t.invite(s.tto, TradeSteps.tenderBody(achievement, null, closes)), 409, "trade-method");

        // cancelled before any bid: CANCELLED, the achievement free again
        JsonNode cancelled = t.cancelAuction(s.tto, first.get("id").asString()).expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(t.auction(s.buyer, first.get("id").asString()).get("status").asString()).isEqualTo("CANCELLED");
        problem(t.cancelAuction(s.tto, first.get("id").asString()), 409, "auction-closed");
        problem(t.bid(s.buyer, first.get("id").asString(), "k", "1000.00"), 409, "auction-closed");
        String second = t.openAuction(s.broker, achievement, "1000.00", "1000.00", "10.00", Duration.ofHours(1));
        t.accepted(s.buyer, second, "k", "1000.00");
        problem(t.cancelAuction(s.broker, second), 409, "bids-placed");
        problem(t.cancelAuction(s.tto, second), 409, "bids-placed");
        assertThat(t.auction(s.tto, second).get("status").asString()).isEqualTo("OPEN");
    }

    /** Ten concurrent schedules of one achievement: exactly one auction, the others 409 auction-exists. */
    @Test
    void oneLiveAuctionPerAchievementUnderConcurrentSchedules() {
        String achievement = t.listing("AUCTION");
        Instant opens = t.now().plusSeconds(60);
        String body = auctionBody(achievement, "1000.00", "1000.00", "10.00", opens, opens.plusSeconds(600), 0);
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).filter(new ContractConformance()).build();
        List<Integer> statuses = Flux.range(0, 10).flatMap(i -> client.post().uri("/api/v1/auctions")
                .header(HttpHeaders.AUTHORIZATION, i % 2 == 0 ? s.tto : s.broker).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 10)
            .collectList().block(Duration.ofSeconds(60));
        assertThat(statuses.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting())))
            .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 9L));
        JsonNode page = api.get().uri("/api/v1/auctions?achievementId={a}", achievement).header(HttpHeaders.AUTHORIZATION, s.buyer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page.get("items")).hasSize(1);
    }

    private JsonNode awaitDeal(String bearer, String dealId) {
        JsonNode[] deal = new JsonNode[1];
        eventually(CLOSE, () -> {
            var r = api.get().uri("/api/v1/deals/{id}", dealId).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectBody(JsonNode.class).returnResult();
            assertThat(r.getStatus().value()).isEqualTo(200);
            deal[0] = r.getResponseBody();
        });
        return deal[0];
    }
}
