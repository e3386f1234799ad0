package io.ttx.brokerage;

import io.ttx.testsupport.MutableClock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.ttx.brokerage.DealSteps.money;

/**
 * Steps of auctions and tenders over the API, for the people of one {@link DealSteps} (fresh organisations). Times are
 * the application's clock ({@link MutableClock}), which the tests may move forward.
 */
final class TradeSteps {
    /** The term sheet every test auction and tender offers (a mode the fixture listing offers). */
    static final String TERMS = "{\"transferMode\":\"EXCLUSIVE_LICENCE\",\"fieldOfUse\":[\"C38\"],\"territory\":[\"CN\"],"
        + "\"termStart\":\"2027-01-01\",\"termEnd\":\"2036-12-31\",\"sublicensing\":false}";

    final DealSteps s;
    final WebTestClient api;
    final MutableClock clock;

    TradeSteps(DealSteps s, MutableClock clock) {
        this.s = s;
        this.api = s.api;
        this.clock = clock;
    }

    /** The application's time now, to the millisecond (as stored). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A published achievement of the seller traded by {@code method} (AUCTION, TENDER, NEGOTIATED, FIXED_PRICE). */
    String listing(String method) {
        return s.achievement(b -> ((ObjectNode) b.get("offer")).put("tradeMethod", method));
    }

    // ---- auctions

    static String auctionBody(String achievementId, String start, String reserve, String increment, Instant opensAt, Instant closesAt,
                              int antiSnipingSeconds) {
        return "{\"achievementId\":\"" + achievementId + "\",\"startingPrice\":" + money(start) + ",\"reservePrice\":" + money(reserve)
            + ",\"increment\":" + money(increment) + ",\"opensAt\":\"" + opensAt + "\",\"closesAt\":\"" + closesAt
            + "\",\"antiSnipingSeconds\":" + antiSnipingSeconds + ",\"termSheet\":" + TERMS + "}";
    }

    WebTestClient.ResponseSpec schedule(String bearer, String body) {
        return api.post().uri("/api/v1/auctions").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange();
    }

    /** Schedules (201 expected) and returns the auction. */
    JsonNode scheduled(String bearer, String body) {
        return schedule(bearer, body).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /**
     * An auction of {@code achievementId} that opens one second from now and runs {@code runs}; the clock is moved one
     * second forward, so it is OPEN when this returns. Starting price, reserve and increment as given, no anti-sniping.
     */
    String openAuction(String bearer, String achievementId, String start, String reserve, String increment, Duration runs) {
        Instant opens = now().plusSeconds(1);
        String id = scheduled(bearer, auctionBody(achievementId, start, reserve, increment, opens, opens.plus(runs), 0)).get("id").asString();
        clock.advance(Duration.ofSeconds(1));
        if (!"OPEN".equals(auction(bearer, id).get("status").asString())) throw new AssertionError("auction " + id + " did not open");
        return id;
    }

    JsonNode auction(String bearer, String id) {
        return api.get().uri("/api/v1/auctions/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The accepted bids as {@code bearer} sees them (items). */
    JsonNode bids(String bearer, String id) {
        return api.get().uri("/api/v1/auctions/{id}/bids", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
    }

    WebTestClient.ResponseSpec bid(String bearer, String auctionId, String key, String yuan) {
        var spec = api.post().uri("/api/v1/auctions/{id}/bids", auctionId).header(HttpHeaders.AUTHORIZATION, bearer);
        if (key != null) spec = spec.header("Idempotency-Key", key);
        return spec.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":" + money(yuan) + "}").exchange();
    }

    /** A bid that must be accepted: its answer. */
    JsonNode accepted(String bearer, String auctionId, String key, String yuan) {
        return bid(bearer, auctionId, key, yuan).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec cancelAuction(String bearer, String id) {
        return api.post().uri("/api/v1/auctions/{id}/cancellation", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    // ---- tenders

    static String tenderBody(String achievementId, String minimum, Instant closesAt) {
        return "{\"achievementId\":\"" + achievementId + "\"" + (minimum == null ? "" : ",\"minimumPrice\":" + money(minimum))
            + ",\"closesAt\":\"" + closesAt + "\",\"termSheet\":" + TERMS + "}";
    }

    WebTestClient.ResponseSpec invite(String bearer, String body) {
        return api.post().uri("/api/v1/tenders").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange();
    }

    JsonNode invited(String bearer, String body) {
        return invite(bearer, body).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode tender(String bearer, String id) {
        return api.get().uri("/api/v1/tenders/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec offer(String bearer, String tenderId, String yuan, String proposal) {
        return api.post().uri("/api/v1/tenders/{id}/offers", tenderId).header(HttpHeaders.AUTHORIZATION, bearer)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":" + money(yuan) + ",\"proposal\":\"" + proposal + "\"}").exchange();
    }

    WebTestClient.ResponseSpec offers(String bearer, String tenderId) {
        return api.get().uri("/api/v1/tenders/{id}/offers", tenderId).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    /** The offers {@code bearer} reads (200 expected): items. */
    JsonNode offersRead(String bearer, String tenderId) {
        return offers(bearer, tenderId).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
    }

    WebTestClient.ResponseSpec award(String bearer, String tenderId, String offerId) {
        return api.post().uri("/api/v1/tenders/{id}/award", tenderId).header(HttpHeaders.AUTHORIZATION, bearer)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"offerId\":\"" + offerId + "\"}").exchange();
    }

    WebTestClient.ResponseSpec cancelTender(String bearer, String id) {
        return api.post().uri("/api/v1/tenders/{id}/cancellation", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    // ---- answers

    /** Expects the status and the problem code. */
    static void problem(WebTestClient.ResponseSpec r, int status, String code) {
        r.expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
    }

    /** A Money member's amount in yuan. */
    static BigDecimal yuan(JsonNode money) {
        return new BigDecimal(money.get("amount").asString());
    }
}
