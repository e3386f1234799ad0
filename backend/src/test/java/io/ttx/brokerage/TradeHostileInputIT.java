package io.ttx.brokerage;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import static io.ttx.brokerage.TradeSteps.auctionBody;
import static io.ttx.brokerage.TradeSteps.tenderBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bound of the auction and tender routes, attacked: each request gets its 4xx problem within one second and
 * nothing changes (no bid, no offer).
 */
class TradeHostileInputIT extends IntegrationTest {
    private static final String HUGE = "x".repeat(100_000);

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void fast(String attack, Supplier<WebTestClient.ResponseSpec> request, int status, String code) {
        long start = System.nanoTime();
        request.get().expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(attack).isLessThan(Duration.ofSeconds(1));
    }

    private WebTestClient.ResponseSpec rawBid(String bearer, String auction, String key) {
        return raw.post().uri("/api/v1/auctions/{id}/bids", auction).header(HttpHeaders.AUTHORIZATION, bearer).header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":{\"amount\":\"200.00\",\"currency\":\"CNY\"}}").exchange();
    }

    @Test
    void everyOversizedOrMalformedMemberIsRefusedFastAndNothingChanges() {
        DealSteps s = new DealSteps(api);
        TradeSteps t = new TradeSteps(s, clock);
        String listing = t.listing("AUCTION");
        String auction = t.openAuction(s.tto, listing, "100.00", "100.00", "1.00", Duration.ofMinutes(30));
        Instant later = t.now().plusSeconds(60);
        fast("an achievement id of 100,000 characters", () -> t.schedule(s.tto, auctionBody(HUGE, "1.00", "1.00", "1.00", later, later.plusSeconds(60), 0)),
            400, "validation-failed");
        fast("a starting price of 200,000 digits", () -> t.schedule(s.tto, auctionBody(listing, "1" + "0".repeat(200_000), "1.00", "1.00", later,
            later.plusSeconds(60), 0)), 422, "invalid-amount");
        fast("anti-sniping of 10^30 seconds", () -> t.schedule(s.tto, auctionBody(listing, "1.00", "1.00", "1.00", later, later.plusSeconds(60), 0)
            .replace("\"antiSnipingSeconds\":0", "\"antiSnipingSeconds\":1" + "0".repeat(30))), 400, "validation-failed");
        fast("a term sheet of 10,000 territories", () -> t.schedule(s.tto, auctionBody(listing, "1.00", "1.00", "1.00", later, later.plusSeconds(60), 0)
            .replace("\"territory\":[\"CN\"]", "\"territory\":[" + "\"CN\",".repeat(9_999) + "\"CN\"]")), 400, "validation-failed");
        fast("a bid of 1e500000000", () -> api.post().uri("/api/v1/auctions/{id}/bids", auction).header(HttpHeaders.AUTHORIZATION, s.buyer)
            .header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":{\"amount\":\"1e500000000\",\"currency\":\"CNY\"}}")
            .exchange(), 422, "invalid-amount");
        // outside the contract (a header of at most 200 visible characters): sent without the contract check
        fast("an Idempotency-Key of 6,000 characters", () -> rawBid(s.buyer, auction, HUGE.substring(0, 6_000)), 400, "validation-failed");
        fast("an Idempotency-Key with spaces", () -> rawBid(s.buyer, auction, "my key"), 400, "validation-failed");
        fast("an auction list filter of 5,000 characters", () -> api.get().uri(u -> u.path("/api/v1/auctions").queryParam("achievementId", "a".repeat(5_000))
            .build()).header(HttpHeaders.AUTHORIZATION, s.buyer).exchange(), 400, "validation-failed");
        assertThat(t.bids(s.tto, auction)).isEmpty();

        String tenderListing = t.listing("TENDER");
        String tender = t.invited(s.tto, tenderBody(tenderListing, null, t.now().plusSeconds(600))).get("id").asString();
        fast("a proposal of 100,000 characters", () -> t.offer(s.buyer, tender, "100.00", HUGE), 400, "validation-failed");
        fast("an offer with 300 decimals", () -> t.offer(s.buyer, tender, "1." + "0".repeat(300), "p"), 422, "invalid-amount");
        fast("a minimum price in another currency", () -> t.invite(s.tto, tenderBody(tenderListing, null, t.now().plusSeconds(600))
            .replace("\"closesAt\"", "\"minimumPrice\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"closesAt\"")), 422, "unsupported-currency");
        fast("an award naming an offer of 100,000 characters", () -> t.award(s.tto, tender, HUGE), 400, "validation-failed");
        assertThat(t.tender(s.tto, tender).get("offerCount").asInt()).isZero();
    }
}
