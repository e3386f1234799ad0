package io.ttx.vouchers;

import io.ttx.testsupport.TestOrgs;
import io.ttx.vouchers.VoucherWorld.Agency;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.ttx.vouchers.VoucherProgrammesIT.money;
import static io.ttx.vouchers.VoucherProgrammesIT.token;
import static io.ttx.vouchers.VoucherWorld.JIANGSU_ADMIN;
import static io.ttx.vouchers.VoucherWorld.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherWorld.amount;
import static io.ttx.vouchers.VoucherWorld.ok;
import static io.ttx.vouchers.VoucherWorld.redemption;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The races the voucher design claims to decide exactly, with real concurrent requests: approvals against rejections of
 * one redemption (exactly one decision, and the subsidy given back only for a rejection), concurrent settlement
 * batches (every approved redemption in exactly one), captures against voids of one authorization (exactly one).
 */
class VoucherRacesIT extends VoucherIT {
    static final String ADMIN = token("admin-race", "admin", null, null);

    @LocalServerPort
    int port;

    record Answer(int status, String code, JsonNode body) { }

    Mono<Answer> post(WebClient client, String bearer, String uri, String body, String key) {
        var spec = client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer);
        if (key != null) spec = spec.header("Idempotency-Key", key);
        if (body != null) spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return spec.exchangeToMono(r -> r.bodyToMono(JsonNode.class).map(j -> new Answer(r.statusCode().value(), j.has("code") ? j.get("code").asString() : "", j)));
    }

    List<Answer> all(List<Mono<Answer>> calls) {
        return Flux.fromIterable(calls).flatMap(m -> m, calls.size()).collectList().block(Duration.ofMinutes(2));
    }

    @Test
    void oneRedemptionDecidedConcurrentlyIsDecidedOnce() {
        WebClient client = WebClient.create("http://localhost:" + port);
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(ok(world.redeem(agency, voucher, "k" + i, redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION")), 201)
                .get("id").asString());
        }
        List<Mono<Answer>> calls = new ArrayList<>();
        for (String id : ids) {
            for (int i = 0; i < 10; i++) {
                calls.add(post(client, ZHEJIANG_ADMIN, "/api/v1/redemptions/" + id + "/decision",
                    "{\"decision\":\"" + (i % 2 == 0 ? "APPROVE" : "REJECT") + "\"}", null));
            }
        }
        Map<String, Long> outcome = all(calls).stream().collect(Collectors.groupingBy(a -> a.status() + " " + a.code(), Collectors.counting()));
        assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of("200 ", 5L, "409 redemption-decided", 45L));
        long rejected = ids.stream().filter(id -> world.get(ZHEJIANG_ADMIN, "/api/v1/redemptions/" + id).get("status").asString().equals("REJECTED"))
            .count();
        eventually(Duration.ofSeconds(20), () -> assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher), "redeemed"))
            .isEqualTo(money50((int) (5 - rejected))));
        JsonNode ledger = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher + "/ledger").get("items");
        assertThat(ledger.valueStream().filter(e -> e.get("type").asString().equals("REFUNDED")).count()).isEqualTo(rejected);
    }

    private static String money50(int times) {
        return times * 50 + ".00";
    }

    @Test
    void concurrentSettlementBatchesNeverShareARedemption() {
        WebClient client = WebClient.create("http://localhost:" + port);
        String programme = world.programme("1000000.00", "1000.00"); // approved at once
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "100000.00");
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            mine.add(ok(world.redeem(agency, voucher, "s" + i, redemption("INV-" + UUID.randomUUID(), "10.00", "TESTING_INSPECTION")), 201)
                .get("id").asString());
        }
        List<Mono<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) calls.add(post(client, ADMIN, "/api/v1/settlements", null, "race-" + UUID.randomUUID()));
        List<Answer> batches = all(calls);
        assertThat(batches).allSatisfy(b -> assertThat(b.status()).isEqualTo(201));

        Map<String, Long> batchOf = new java.util.HashMap<>();
        for (String id : mine) {
            JsonNode r = world.get(ADMIN, "/api/v1/redemptions/" + id);
            assertThat(r.get("status").asString()).isEqualTo("SETTLED");
            batchOf.merge(r.get("batchId").asString(), 1L, Long::sum);
        }
        Set<String> batchIds = batches.stream().map(b -> b.body().get("id").asString()).collect(Collectors.toSet());
        assertThat(batchIds).containsAll(batchOf.keySet());
        long counted = batches.stream().mapToLong(b -> b.body().get("count").asLong()).sum();
        assertThat(counted).as("no redemption counted in two batches").isGreaterThanOrEqualTo(30);
        long mineCounted = batchOf.values().stream().mapToLong(Long::longValue).sum();
        assertThat(mineCounted).isEqualTo(30);
        for (Answer b : batches) {
            long sum = 0;
            for (JsonNode l : b.body().get("lines")) sum += l.get("count").asLong();
            assertThat(sum).isEqualTo(b.body().get("count").asLong());
        }
    }

    @Test
    void capturesAndVoidsOfOneAuthorizationRacingLeaveExactlyOneOutcome() {
        WebClient client = WebClient.create("http://localhost:" + port);
        String programme = world.programme("1000000.00", "0.00", "\"370000\"");
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        String provider = TestOrgs.random("91", "370100");
        String shandong = bearer("peer-370000");
        String id = ok(api.post().uri("/federation/v1/authorizations").header(HttpHeaders.AUTHORIZATION, shandong).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"voucherId\":\"" + voucher + "\",\"providerRegion\":\"370000\",\"providerOrg\":\"" + provider + "\",\"providerController\":\"c\","
                + "\"providerAdmittedRegion\":\"370000\",\"invoiceNumber\":\"SD-" + UUID.randomUUID() + "\",\"invoiceAmount\":" + money("400.00")
                + ",\"category\":\"TESTING_INSPECTION\",\"idempotencyKey\":\"race\"}").exchange(), 201).get("authorizationId").asString();
        List<Mono<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(post(client, shandong, "/federation/v1/authorizations/" + id + (i % 2 == 0 ? "/capture" : "/void"), null, null));
        }
        List<Answer> answers = all(calls);
        String end = ok(api.get().uri("/federation/v1/authorizations/{id}", id).header(HttpHeaders.AUTHORIZATION, shandong).exchange(), 200)
            .get("status").asString();
        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(a -> a.status() + " " + a.code(), Collectors.counting()));
        if (end.equals("SUBMITTED")) {
            assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of("200 ", 10L, "409 authorization-captured", 10L));
            eventually(Duration.ofSeconds(20), () -> assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher), "redeemed"))
                .isEqualTo("200.00"));
        } else {
            assertThat(end).isEqualTo("VOIDED");
            assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of("200 ", 10L, "409 authorization-voided", 10L));
            eventually(Duration.ofSeconds(20), () -> assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher), "redeemed"))
                .isEqualTo("0.00"));
        }
        JsonNode ledger = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher + "/ledger").get("items");
        assertThat(ledger.valueStream().filter(e -> e.get("type").asString().equals("REFUNDED")).count()).isLessThanOrEqualTo(1);
    }
}
