package io.ttx.brokerage;

import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.ttx.brokerage.DealSteps.money;
import static org.assertj.core.api.Assertions.assertThat;

/** Real concurrent requests against one achievement and one deal: the register and the deal's version decide, exactly. */
class DealConcurrencyIT extends IntegrationTest {
    @LocalServerPort
    int port;
    private DealSteps s;

    @BeforeEach
    void people() {
        s = new DealSteps(api);
    }

    /**
     * Twenty buyer organisations negotiate overlapping exclusive licences on one achievement up to TERMS_AGREED with the
     * seller's signature, then all buyers sign at once: exactly one deal becomes CONTRACT_SIGNED, the others get 409
     * exclusivity-conflict and stay TERMS_AGREED.
     */
    @Test
    void ofTwentyOverlappingExclusiveSigningsExactlyOneSucceeds() {
        String achievement = s.achievement();
        List<String> buyers = new ArrayList<>();
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String buyer = DealSteps.otherBuyer();
            String id = s.open(buyer, achievement, "EXCLUSIVE_LICENCE").expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("id").asString();
            s.ok(s.broker, id, "{\"type\":\"CLAIM\"}");
            s.ok(s.tto, id, "{\"type\":\"SIGN_NDA\",\"signatory\":\"王处长\",\"ndaVersion\":\"v1\"}");
            s.ok(buyer, id, "{\"type\":\"SIGN_NDA\",\"signatory\":\"buyer\",\"ndaVersion\":\"v1\"}");
            // field C38 everywhere; Zhejiang (330000) or Hangzhou (330100), which it covers: every pair overlaps
            s.ok(s.tto, id, terms(i));
            s.ok(buyer, id, "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":1}");
            s.ok(s.tto, id, "{\"type\":\"SIGN_CONTRACT\"}");
            buyers.add(buyer);
            deals.add(id);
        }
        WebClient client = WebClient.create("http://localhost:" + port);
        List<Integer> statuses = Flux.range(0, 20).flatMap(i -> client.post().uri("/api/v1/deals/{id}/commands", deals.get(i))
                .header(HttpHeaders.AUTHORIZATION, buyers.get(i)).header(HttpHeaders.IF_MATCH, "\"6\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"type\":\"SIGN_CONTRACT\"}")
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 20)
            .collectList().block(Duration.ofSeconds(60));
        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 409, 19L));
        List<String> stages = deals.stream().map(id -> s.get(s.admin, id).get("stage").asString()).toList();
        assertThat(stages.stream().filter("CONTRACT_SIGNED"::equals).count()).isEqualTo(1);
        assertThat(stages.stream().filter("TERMS_AGREED"::equals).count()).isEqualTo(19);
        JsonNode grants = api.get().uri("/api/v1/achievements/{id}/grants", achievement).header(HttpHeaders.AUTHORIZATION, s.broker).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).get("dealId").asString()).isEqualTo(deals.get(stages.indexOf("CONTRACT_SIGNED")));
    }

    /**
     * 200 concurrent commands on one deal, each on the version its sender read: the deal ends in a state a serial
     * order reaches. Payments of 1.00 each against an upfront of 100.00: every accepted payment is in the deal, the
     * version grew by exactly the number of 200s, and the rest were 412 (stale) or 422 (overpayment).
     */
    @Test
    void twoHundredConcurrentCommandsLeaveAStateSomeSerialOrderReaches() {
        String achievement = s.achievement();
        String id = s.opened(achievement, "EXCLUSIVE_LICENCE").get("id").asString();
        s.toNda(id);
        s.ok(s.buyer, id, "{\"type\":\"PROPOSE_TERMS\",\"termSheet\":{\"transferMode\":\"EXCLUSIVE_LICENCE\",\"fieldOfUse\":[\"C38\"],"
            + "\"territory\":[\"330000\"],\"termStart\":\"2026-01-01\",\"termEnd\":\"2030-12-31\",\"upfront\":" + money("100.00") + "}}");
        s.ok(s.tto, id, "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":1}");
        s.ok(s.tto, id, "{\"type\":\"SIGN_CONTRACT\"}");
        s.ok(s.buyer, id, "{\"type\":\"SIGN_CONTRACT\"}");
        s.ok(s.broker, id, "{\"type\":\"REGISTER_CONTRACT\",\"registrationNumber\":\"R-1\",\"registeredOn\":\"2026-12-01\","
            + "\"contractType\":\"LICENSING\",\"contractValue\":" + money("100.00") + ",\"technicalIncome\":" + money("100.00") + "}");
        long start = s.get(s.admin, id).get("version").asLong();
        WebClient client = WebClient.create("http://localhost:" + port);
        String payment = "{\"type\":\"RECORD_PAYMENT\",\"kind\":\"UPFRONT\",\"amount\":" + money("1.00") + ",\"paidOn\":\"2026-12-01\"}";
        // each request reads the deal, then pays on the version it read: a retrying client, as a real one would be
        List<Integer> statuses = Flux.range(0, 200).flatMap(i -> client.get().uri("/api/v1/deals/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, i % 2 == 0 ? s.tto : s.broker).retrieve().bodyToMono(JsonNode.class)
                .flatMap(d -> client.post().uri("/api/v1/deals/{id}/commands", id).header(HttpHeaders.AUTHORIZATION, i % 2 == 0 ? s.tto : s.broker)
                    .header(HttpHeaders.IF_MATCH, "\"" + d.get("version").asLong() + "\"").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(payment).exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))), 64)
            .collectList().block(Duration.ofSeconds(120));
        long ok = statuses.stream().filter(x -> x == 200).count();
        assertThat(statuses).allMatch(x -> x == 200 || x == 412 || x == 422);
        JsonNode after = s.get(s.admin, id);
        assertThat(after.get("version").asLong()).isEqualTo(start + ok);
        assertThat(after.get("payments")).hasSize((int) ok);
        assertThat(ok).isBetween(1L, 100L);
        long paidCents = 0;
        for (JsonNode p : after.get("payments")) paidCents += Math.round(Double.parseDouble(p.get("amount").get("amount").asString()) * 100);
        assertThat(paidCents).isEqualTo(ok * 100).isLessThanOrEqualTo(10_000);
        JsonNode trail = api.get().uri("/api/v1/deals/{id}/trail", id).header(HttpHeaders.AUTHORIZATION, s.admin).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
        assertThat(trail).hasSize((int) (start + 1 + ok));
    }

    /** Two concurrent inquiries of one organisation on one achievement: one deal, one 409 deal-exists. */
    @Test
    void oneActiveDealPerBuyerOrganisationUnderConcurrentInquiries() {
        String achievement = s.achievement();
        WebClient client = WebClient.create("http://localhost:" + port);
        String body = "{\"achievementId\":\"" + achievement + "\",\"intendedMode\":\"EXCLUSIVE_LICENCE\"}";
        List<Integer> statuses = Flux.range(0, 10).flatMap(i -> client.post().uri("/api/v1/deals").header(HttpHeaders.AUTHORIZATION, s.buyer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 10)
            .collectList().block(Duration.ofSeconds(60));
        assertThat(statuses.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting())))
            .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 9L));
        // once that deal is withdrawn the organisation may open another
        JsonNode page = api.get().uri("/api/v1/deals?achievementId={a}", achievement).header(HttpHeaders.AUTHORIZATION, s.buyer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = page.get("items").get(0).get("id").asString();
        s.ok(s.buyer, id, "{\"type\":\"WITHDRAW\",\"reason\":\"changed our plans\"}");
        eventually(Duration.ofSeconds(5), () -> s.open(s.buyer, achievement, "EXCLUSIVE_LICENCE").expectStatus().isCreated());
    }

    private static String terms(int i) {
        return "{\"type\":\"PROPOSE_TERMS\",\"termSheet\":{\"transferMode\":\"EXCLUSIVE_LICENCE\",\"fieldOfUse\":[\"C38\"],"
            + "\"territory\":[\"" + (i % 2 == 0 ? "330000" : "330100") + "\"],\"termStart\":\"2026-01-01\",\"termEnd\":\"2030-12-31\","
            + "\"upfront\":" + money("1000.00") + "}}";
    }
}
