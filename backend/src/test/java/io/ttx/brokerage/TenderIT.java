package io.ttx.brokerage;

import io.ttx.testsupport.ContractConformance;
import io.ttx.testsupport.TestOrgs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.ttx.brokerage.TradeSteps.problem;
import static io.ttx.brokerage.TradeSteps.tenderBody;
import static io.ttx.brokerage.TradeSteps.yuan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealed tenders end to end: offers (one per organisation, replaceable) sealed until the close, then read by the
 * seller and the broker highest first, one awarded into a deal at TERMS_AGREED. The close is reached by moving the
 * application clock forward (reset after each test). Each test has its own organisations and achievements.
 */
class TenderIT extends TradeIT {
    @LocalServerPort
    int port;

    /** An enterprise of a fresh organisation: its org and bearer. */
    private record Bidder(String org, String bearer) {
        static Bidder fresh() {
            String org = TestOrgs.random("91", "330100");
            return new Bidder(org, DealSteps.token("buyer-" + org, "enterprise", org));
        }
    }

    /**
     * A broker's tender: three organisations offer (one replaces its offer: 200, revision 2), one offer below the minimum
     * is refused. Until the close only the count shows, each organisation reads its own offer, the seller, the broker
     * and admins get 409 tender-sealed and no award. After it the seller reads every offer highest first and awards one
     * (not the highest): a deal at TERMS_AGREED with the offer as upfront, brokered by the tender's broker; no second
     * award, no more offers, and the achievement is free for another tender.
     */
    @Test
    void aSealedTenderIsReadAfterItsCloseAndAwardedIntoADeal() {
        String achievement = t.listing("TENDER");
        Instant closes = t.now().plus(Duration.ofHours(1));
        JsonNode invited = t.invited(s.broker, tenderBody(achievement, "500.00", closes));
        String tender = invited.get("id").asString();
        assertThat(invited.get("status").asString()).isEqualTo("OPEN");
        assertThat(invited.get("offerCount").asLong()).isZero();
        assertThat(invited.get("broker").get("org").asString()).isEqualTo(s.brokerOrg);
        assertThat(yuan(invited.get("minimumPrice"))).isEqualByComparingTo("500.00");
        assertThat(invited.get("dealId").isNull()).isTrue();

        Bidder a = new Bidder(s.buyerOrg, s.buyer);
        Bidder b = Bidder.fresh();
        Bidder c = Bidder.fresh();
        Bidder late = Bidder.fresh();
        JsonNode first = t.offer(a.bearer(), tender, "600.00", "pilot line").expectStatus().isCreated().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
        assertThat(first.get("revision").asInt()).isEqualTo(1);
        assertThat(first.get("org").asString()).isEqualTo(a.org());
        t.offer(b.bearer(), tender, "700.00", "joint lab").expectStatus().isCreated();
        t.offer(c.bearer(), tender, "650.00", "licence only").expectStatus().isCreated();
        JsonNode replaced = t.offer(a.bearer(), tender, "800.00", "pilot line and lab").expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
        assertThat(replaced.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(replaced.get("revision").asInt()).isEqualTo(2);
        assertThat(yuan(replaced.get("amount"))).isEqualByComparingTo("800.00");
        problem(t.offer(late.bearer(), tender, "499.99", "too little"), 422, "offer-too-low");
        problem(t.offer(late.bearer(), tender, "0.00", "nothing"), 422, "offer-too-low");
        assertThat(t.offersRead(late.bearer(), tender)).isEmpty();

        // sealed: the count only, each organisation its own offer, nobody else any
        JsonNode open = t.tender(late.bearer(), tender);
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get("offerCount").asLong()).isEqualTo(3);
        JsonNode own = t.offersRead(a.bearer(), tender);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("org").asString()).isEqualTo(a.org());
        assertThat(yuan(own.get(0).get("amount"))).isEqualByComparingTo("800.00");
        assertThat(own.get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(own.get(0).get("proposal").asString()).isEqualTo("pilot line and lab");
        JsonNode ownB = t.offersRead(b.bearer(), tender);
        assertThat(ownB).hasSize(1);
        assertThat(ownB.get(0).get("org").asString()).isEqualTo(b.org());
        String auditor = DealSteps.token("auditor-x", "auditor", null);
        for (String overseer : List.of(s.tto, s.broker, s.broker2, s.admin, auditor)) {
            problem(t.offers(overseer, tender), 409, "tender-sealed");
        }
        String offerOfB = tender + "." + b.org();
        problem(t.award(s.tto, tender, offerOfB), 409, "tender-sealed");

        // closed: the seller, the broker and admins read every offer, highest first
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(t.tender(a.bearer(), tender).get("status").asString()).isEqualTo("CLOSED");
        for (String overseer : List.of(s.tto, s.broker, s.admin, auditor)) {
            JsonNode all = t.offersRead(overseer, tender);
            List<String> orgs = new ArrayList<>();
            List<String> amounts = new ArrayList<>();
            all.forEach(o -> {
                orgs.add(o.get("org").asString());
                amounts.add(yuan(o.get("amount")).toPlainString());
            });
            assertThat(orgs).containsExactly(a.org(), b.org(), c.org());
            assertThat(amounts).containsExactly("800.00", "700.00", "650.00");
        }
        assertThat(t.offersRead(a.bearer(), tender)).hasSize(1);
        problem(t.offer(late.bearer(), tender, "900.00", "after the close"), 409, "tender-closed");
        problem(t.offer(a.bearer(), tender, "900.00", "after the close"), 409, "tender-closed");

        // the seller awards the second highest offer
        var result = t.award(s.tto, tender, offerOfB).expectStatus().isCreated().expectBody(JsonNode.class).returnResult();
        String dealId = result.getResponseBody().get("dealId").asString();
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/deals/" + dealId);
        JsonNode awarded = t.tender(s.tto, tender);
        assertThat(awarded.get("status").asString()).isEqualTo("AWARDED");
        assertThat(awarded.get("dealId").asString()).isEqualTo(dealId);
        assertThat(awarded.get("awardedOffer").asString()).isEqualTo(offerOfB);
        JsonNode deal = s.get(b.bearer(), dealId);
        assertThat(deal.get("stage").asString()).isEqualTo("TERMS_AGREED");
        assertThat(deal.get("achievementId").asString()).isEqualTo(achievement);
        assertThat(deal.get("sellerOrg").asString()).isEqualTo(s.sellerOrg);
        assertThat(deal.get("buyerOrg").asString()).isEqualTo(b.org());
        assertThat(yuan(deal.get("termSheet").get("upfront"))).isEqualByComparingTo("700.00");
        assertThat(deal.get("termSheet").get("transferMode").asString()).isEqualTo("EXCLUSIVE_LICENCE");
        assertThat(deal.get("broker").get("org").asString()).isEqualTo(s.brokerOrg);
        api.get().uri("/api/v1/deals/{id}", dealId).header(HttpHeaders.AUTHORIZATION, a.bearer()).exchange().expectStatus().isNotFound();
        JsonNode opening = api.get().uri("/api/v1/deals/{id}/trail", dealId).header(HttpHeaders.AUTHORIZATION, s.tto).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items").get(0);
        assertThat(opening.get("by").asString()).isEqualTo("tto-" + s.sellerOrg);
        assertThat(opening.get("actedAs").asString()).isEqualTo("SELLER_TTO");
        assertThat(opening.get("note").asString()).contains(tender);

        problem(t.award(s.tto, tender, tender + "." + a.org()), 409, "tender-closed");
        problem(t.award(s.tto, tender, offerOfB), 409, "tender-closed");
        problem(t.offer(late.bearer(), tender, "900.00", "after the award"), 409, "tender-closed");
        problem(t.cancelTender(s.tto, tender), 409, "tender-closed");
        JsonNode deals = api.get().uri("/api/v1/deals?achievementId={a}", achievement).header(HttpHeaders.AUTHORIZATION, s.tto).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(deals.get("items")).hasSize(1);

        // the achievement is free for another tender
        t.invited(s.tto, tenderBody(achievement, null, t.now().plus(Duration.ofHours(1))));
    }

    /**
     * Concurrency: ten concurrent offers of one organisation leave one offer (one 201, revisions 1 to 10); six concurrent
     * awards of the closed tender's offers start exactly one deal (one 201, the others 409 tender-closed).
     */
    @Test
    void concurrentOffersAndAwardsAreDecidedOnce() {
        String achievement = t.listing("TENDER");
        String tender = t.invited(s.tto, tenderBody(achievement, null, t.now().plus(Duration.ofMinutes(1)))).get("id").asString();
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).filter(new ContractConformance()).build();
        List<int[]> offered = Flux.range(1, 10).flatMap(i -> client.post().uri("/api/v1/tenders/{id}/offers", tender)
                .header(HttpHeaders.AUTHORIZATION, s.buyer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":" + DealSteps.money(i + "00.00") + ",\"proposal\":\"p" + i + "\"}")
                .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("{}").map(b -> {
                    JsonNode body = DealSteps.JSON.readTree(b);
                    return new int[] {r.statusCode().value(), body.has("revision") ? body.get("revision").asInt() : -1};
                })), 10)
            .collectList().block(Duration.ofSeconds(60));
        assertThat(offered.stream().map(o -> o[0]).sorted().toList()).containsExactly(200, 200, 200, 200, 200, 200, 200, 200, 200, 201);
        assertThat(offered.stream().map(o -> o[1]).sorted().toList()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(offered.stream().filter(o -> o[0] == 201).findFirst().orElseThrow()[1]).isEqualTo(1);
        assertThat(t.tender(s.tto, tender).get("offerCount").asLong()).isEqualTo(1);
        JsonNode own = t.offersRead(s.buyer, tender);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("revision").asInt()).isEqualTo(10);

        Bidder b = Bidder.fresh();
        Bidder c = Bidder.fresh();
        t.offer(b.bearer(), tender, "50.00", "b").expectStatus().isCreated();
        t.offer(c.bearer(), tender, "60.00", "c").expectStatus().isCreated();
        clock.advance(Duration.ofMinutes(1));
        List<String> offers = List.of(tender + "." + s.buyerOrg, tender + "." + b.org(), tender + "." + c.org());
        List<Integer> awards = Flux.range(0, 6).flatMap(i -> client.post().uri("/api/v1/tenders/{id}/award", tender)
                .header(HttpHeaders.AUTHORIZATION, s.tto).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"offerId\":\"" + offers.get(i % 3) + "\"}")
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 6)
            .collectList().block(Duration.ofSeconds(60));
        assertThat(awards.stream().sorted().toList()).containsExactly(201, 409, 409, 409, 409, 409);
        JsonNode awarded = t.tender(s.tto, tender);
        assertThat(awarded.get("status").asString()).isEqualTo("AWARDED");
        JsonNode deals = api.get().uri("/api/v1/deals?achievementId={a}", achievement).header(HttpHeaders.AUTHORIZATION, s.tto).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(deals.get("items")).hasSize(1);
        assertThat(deals.get("items").get(0).get("id").asString()).isEqualTo(awarded.get("dealId").asString());
        assertThat(awarded.get("awardedOffer").asString()).isIn(offers);
    }

    /**
     * Inviting: the listing must be traded by tender (409 trade-method), one live tender per achievement (409
     * auction-exists, also once closed and not awarded), a close in the future (422 invalid-window). A tender without
     * a minimum takes any offer above zero; cancelling it (seller's TTO) ends it: no offers, no award, the achievement
     * free. An offer of another tender is not awarded (404).
     */
    @Test
    void invitingAndCancellingRules() {
        Instant closes = t.now().plus(Duration.ofMinutes(1));
        problem(t.invite(s.tto, tenderBody(t.listing("NEGOTIATED"), null, closes)), 409, "trade-method");
        problem(t.invite(s.tto, tenderBody(t.listing("AUCTION"), null, closes)), 409, "trade-method");
        String achievement = t.listing("TENDER");
        problem(t.invite(s.tto, tenderBody(achievement, null, t.now().minusSeconds(1))), 422, "invalid-window");
        problem(t.invite(s.tto, tenderBody(achievement, null, t.now().plus(Duration.ofDays(366)))), 422, "invalid-window");
        problem(t.schedule(s.tto, TradeSteps.auctionBody(achievement, "1.00", "1.00", "1.00", closes, closes.plusSeconds(60), 0)), 409, "trade-method");

        JsonNode first = t.invited(s.tto, tenderBody(achievement, null, closes));
        String tender = first.get("id").asString();
        assertThat(first.has("broker")).isFalse();
        assertThat(first.has("minimumPrice")).isFalse();
        problem(t.invite(s.tto, tenderBody(achievement, null, closes)), 409, "auction-exists");
        problem(t.invite(s.broker, tenderBody(achievement, "1.00", closes)), 409, "auction-exists");
        problem(t.offer(s.buyer, tender, "0.00", "nothing"), 422, "offer-too-low");
        t.offer(s.buyer, tender, "0.01", "a token").expectStatus().isCreated();

        // closed, not awarded: still holds the achievement; an offer of another tender is not this tender's
        clock.advance(Duration.ofMinutes(1));
        assertThat(t.tender(s.tto, tender).get("status").asString()).isEqualTo("CLOSED");
        problem(t.invite(s.tto, tenderBody(achievement, null, t.now().plus(Duration.ofMinutes(1)))), 409, "auction-exists");
        String elsewhere = t.invited(s.tto, tenderBody(t.listing("TENDER"), null, t.now().plus(Duration.ofMinutes(5)))).get("id").asString();
        problem(t.award(s.tto, elsewhere, tender + "." + s.buyerOrg), 404, "not-found");
        problem(t.award(s.tto, tender, tender + ".nobody"), 404, "not-found");

        JsonNode cancelled = t.cancelTender(s.tto, tender).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("offerCount").asLong()).isEqualTo(1);
        assertThat(cancelled.get("dealId").isNull()).isTrue();
        problem(t.award(s.tto, tender, tender + "." + s.buyerOrg), 409, "tender-closed");
        problem(t.cancelTender(s.tto, tender), 409, "tender-closed");
        problem(t.offer(DealSteps.otherBuyer(), tender, "10.00", "too late"), 409, "tender-closed");

        // a broker's tender on the freed achievement, cancelled by another broker of its organisation before the close
        String again = t.invited(s.broker, tenderBody(achievement, "10.00", t.now().plus(Duration.ofMinutes(5)))).get("id").asString();
        t.offer(s.buyer, again, "10.00", "the minimum").expectStatus().isCreated();
        assertThat(t.cancelTender(s.broker2, again).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
            .get("status").asString()).isEqualTo("CANCELLED");
        problem(t.offer(s.buyer, again, "20.00", "more"), 409, "tender-closed");
        t.invited(s.tto, tenderBody(achievement, null, t.now().plus(Duration.ofMinutes(5))));
    }
}
