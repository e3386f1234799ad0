package io.ttx.vouchers;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.ttx.vouchers.VoucherProgrammesIT.JIANGSU_ADMIN;
import static io.ttx.vouchers.VoucherProgrammesIT.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherProgrammesIT.token;
import static io.ttx.vouchers.VoucherProgrammesIT.money;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuing vouchers on the dev stack: the budget and the yearly caps hold exactly under real concurrent requests, the
 * holder and the issuing province see the voucher and its ledger, others do not.
 */
class VoucherIssuanceIT extends IntegrationTest {
    @LocalServerPort
    int port;

    static String programme(String budget, String capHolder, String capController) {
        return programme(budget, capHolder, capController, 180);
    }

    static String programme(String budget, String capHolder, String capController, int validityDays) {
        return "{\"name\":\"创新券\",\"region\":\"330000\",\"budget\":" + money(budget)
            + ",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2030-12-31\",\"categories\":[{\"category\":\"TESTING_INSPECTION\",\"subsidyRatio\":\"0.5\"}]"
            + ",\"capPerEnterprisePerYear\":" + money(capHolder) + ",\"capPerControllerPerYear\":" + money(capController)
            + ",\"voucherValidityDays\":" + validityDays + ",\"acceptedProviderRegions\":[],\"autoApproveBelow\":" + money("0.00") + "}";
    }

    String created(String json) {
        return api.post().uri("/api/v1/voucher-programmes").header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(json).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    static String issue(String holder, String controller, String face) {
        return "{\"holderOrg\":\"" + holder + "\",\"holderController\":\"" + controller + "\",\"faceValue\":" + money(face) + "}";
    }

    /** Sends the bodies at once; the status of each answer and the problem code of refusals. */
    List<Tuple2<Integer, String>> concurrently(String programmeId, List<String> bodies) {
        WebClient client = WebClient.create("http://localhost:" + port);
        return Flux.fromIterable(bodies).flatMap(b -> client.post().uri("/api/v1/voucher-programmes/{id}/vouchers", programmeId)
                .header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN).contentType(MediaType.APPLICATION_JSON).bodyValue(b)
                .exchangeToMono(r -> r.bodyToMono(JsonNode.class).map(j -> Tuples.of(r.statusCode().value(), j.has("code") ? j.get("code").asString() : "")))
            , bodies.size())
            .collectList().block(Duration.ofSeconds(120));
    }

    JsonNode programmeNow(String id) {
        return api.get().uri("/api/v1/voucher-programmes/{id}", id).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void concurrentIssuanceNeverExceedsTheBudget() {
        String id = created(programme("10000.00", "100000.00", "100000.00"));
        List<String> bodies = java.util.stream.IntStream.range(0, 30).mapToObj(i -> {
            String org = TestOrgs.random("91", "330100");
            return issue(org, org, "500.00");
        }).toList();
        Map<String, Long> outcome = concurrently(id, bodies).stream()
            .collect(Collectors.groupingBy(t -> t.getT1() + " " + t.getT2(), Collectors.counting()));
        assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of("201 ", 20L, "409 budget-exhausted", 10L));
        JsonNode p = programmeNow(id);
        assertThat(p.get("issued").get("amount").asString()).isEqualTo("10000.00");
        assertThat(p.get("available").get("amount").asString()).isEqualTo("0.00");
    }

    @Test
    void concurrentIssuanceNeverExceedsAHoldersOrAControllersCap() {
        String id = created(programme("1000000.00", "1000.00", "1500.00"));
        String holder = TestOrgs.random("91", "330100");
        List<String> same = java.util.stream.IntStream.range(0, 10).mapToObj(i -> issue(holder, "ctrl-a-" + holder, "300.00")).toList();
        Map<String, Long> byHolder = concurrently(id, same).stream().collect(Collectors.groupingBy(t -> t.getT1() + " " + t.getT2(), Collectors.counting()));
        assertThat(byHolder).containsExactlyInAnyOrderEntriesOf(Map.of("201 ", 3L, "409 cap-exceeded", 7L));
        // one controller behind ten holders: 1,500.00 a year, so five of 300.00
        String controller = "ctrl-group-" + holder;
        List<String> group = java.util.stream.IntStream.range(0, 10).mapToObj(i -> issue(TestOrgs.random("91", "330100"), controller, "300.00")).toList();
        Map<String, Long> byController = concurrently(id, group).stream().collect(Collectors.groupingBy(t -> t.getT1() + " " + t.getT2(), Collectors.counting()));
        assertThat(byController).containsExactlyInAnyOrderEntriesOf(Map.of("201 ", 5L, "409 cap-exceeded", 5L));
        JsonNode p = programmeNow(id);
        assertThat(p.get("issued").get("amount").asString()).as("refused issuances gave their budget back").isEqualTo("2400.00");
    }

    @Test
    void theHolderAndTheIssuingProvinceSeeTheVoucherAndItsLedger() {
        String id = created(programme("100000.00", "50000.00", "50000.00"));
        String holderOrg = TestOrgs.random("91", "330100");
        JsonNode v = api.post().uri("/api/v1/voucher-programmes/{id}/vouchers", id).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(issue(holderOrg, holderOrg, "2000.00")).exchange().expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(v.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(v.get("remaining").get("amount").asString()).isEqualTo("2000.00");
        String voucher = v.get("id").asString();
        String holder = token("e-" + holderOrg, "enterprise", holderOrg, "330100");
        String other = token("e-x", "enterprise", TestOrgs.random("91", "330100"), "330100");
        api.get().uri("/api/v1/vouchers/{id}", voucher).header(HttpHeaders.AUTHORIZATION, holder).exchange().expectStatus().isOk();
        api.get().uri("/api/v1/vouchers/{id}", voucher).header(HttpHeaders.AUTHORIZATION, other).exchange().expectStatus().isNotFound();
        api.get().uri("/api/v1/vouchers/{id}", voucher).header(HttpHeaders.AUTHORIZATION, JIANGSU_ADMIN).exchange().expectStatus().isNotFound();
        JsonNode ledger = api.get().uri("/api/v1/vouchers/{id}/ledger", voucher).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(ledger.get("items")).hasSize(1);
        assertThat(ledger.get("items").get(0).get("type").asString()).isEqualTo("ISSUED");
        assertThat(ledger.get("items").get(0).get("idempotencyKey").asString()).isEqualTo("issue:" + voucher);
        JsonNode mine = api.get().uri("/api/v1/vouchers").header(HttpHeaders.AUTHORIZATION, holder).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mine.get("items").valueStream().map(i -> i.get("id").asString())).containsExactly(voucher);

        api.post().uri("/api/v1/voucher-programmes/{id}/vouchers", id).header(HttpHeaders.AUTHORIZATION, JIANGSU_ADMIN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(issue(holderOrg, holderOrg, "1.00")).exchange().expectStatus().isForbidden();
        api.post().uri("/api/v1/voucher-programmes/{id}/vouchers", id).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(issue(holderOrg, holderOrg, "0.00")).exchange().expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("invalid-face-value");
        api.post().uri("/api/v1/voucher-programmes/{id}/vouchers", id).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(issue("not-a-uscc", holderOrg, "1.00")).exchange().expectStatus().isBadRequest();
        api.post().uri("/api/v1/voucher-programmes/vpg_00000000000000000000/vouchers").header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(issue(holderOrg, holderOrg, "1.00")).exchange().expectStatus().isNotFound();
    }
}
