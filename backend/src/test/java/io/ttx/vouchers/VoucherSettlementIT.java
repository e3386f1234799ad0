package io.ttx.vouchers;

import io.ttx.vouchers.VoucherWorld.Agency;
import io.ttx.vouchers.VoucherWorld.Holder;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import static io.ttx.vouchers.VoucherProgrammesIT.token;
import static io.ttx.vouchers.VoucherWorld.JIANGSU_ADMIN;
import static io.ttx.vouchers.VoucherWorld.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherWorld.amount;
import static io.ttx.vouchers.VoucherWorld.ok;
import static io.ttx.vouchers.VoucherWorld.redemption;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path on the dev stack: programme -> admission -> issuance -> redemptions by agencies of two provinces ->
 * approval -> a settlement batch with its lines per (issuer, provider) province, its total to the fen and its CSV;
 * the same key answers the same batch, a later approval goes into the next one; the agency's post-subsidy figures.
 */
class VoucherSettlementIT extends VoucherIT {
    static final String ADMIN = token("admin-li", "admin", null, null);
    static final String AUDITOR = token("auditor-1", "auditor", null, null);


    JsonNode batch(String key) {
        return ok(api.post().uri("/api/v1/settlements").header(HttpHeaders.AUTHORIZATION, ADMIN).header("Idempotency-Key", key).exchange(), 201);
    }

    String redeemed(Agency agency, String voucher, String invoiceAmount) {
        return ok(world.redeem(agency, voucher, UUID.randomUUID().toString(), redemption("INV-" + UUID.randomUUID(), invoiceAmount, "TESTING_INSPECTION")),
            201).get("id").asString();
    }

    void approve(String redemptionId) {
        ok(world.post(ZHEJIANG_ADMIN, "/api/v1/redemptions/" + redemptionId + "/decision", "{\"decision\":\"APPROVE\"}"), 200);
    }

    @Test
    void approvedRedemptionsAreSettledOnceWithLinesPerProvincePairAndTheAgencysFigures() {
        String programme = world.programme("1000000.00", "0.00");
        Agency jiangsu = world.agency("320000", JIANGSU_ADMIN);
        Agency zhejiang = world.agency("330000", ZHEJIANG_ADMIN);
        Holder a = world.holder();
        Holder b = world.holder();
        String va = world.voucher(programme, a, "100000.00");
        String vb = world.voucher(programme, b, "100000.00");
        String r1 = redeemed(jiangsu, va, "80000.00");
        String r2 = redeemed(jiangsu, vb, "60000.00");
        String r3 = redeemed(zhejiang, va, "40000.00");
        String r4 = redeemed(jiangsu, vb, "0.02");
        batch("flush-" + UUID.randomUUID()); // what earlier tests approved goes elsewhere
        for (String r : new String[] {r1, r2, r3}) approve(r);

        String key = "batch-" + UUID.randomUUID();
        JsonNode s = batch(key);
        assertThat(s.get("status").asString()).isEqualTo("COMPLETE");
        assertThat(s.get("count").asLong()).isEqualTo(3);
        assertThat(amount(s, "total")).isEqualTo("90000.00");
        JsonNode lines = s.get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("issuerRegion").asString() + ">" + lines.get(0).get("providerRegion").asString() + " "
            + lines.get(0).get("count").asLong() + " " + amount(lines.get(0), "amount")).isEqualTo("330000>320000 2 70000.00");
        assertThat(lines.get(1).get("issuerRegion").asString() + ">" + lines.get(1).get("providerRegion").asString() + " "
            + lines.get(1).get("count").asLong() + " " + amount(lines.get(1), "amount")).isEqualTo("330000>330000 1 20000.00");
        String id = s.get("id").asString();
        JsonNode again = batch(key);
        assertThat(again.get("id").asString()).isEqualTo(id);
        assertThat(again.get("cutoff").asString()).isEqualTo(s.get("cutoff").asString());
        JsonNode settled = world.get(ADMIN, "/api/v1/redemptions/" + r1);
        assertThat(settled.get("status").asString()).isEqualTo("SETTLED");
        assertThat(settled.get("batchId").asString()).isEqualTo(id);
        assertThat(world.get(ADMIN, "/api/v1/redemptions/" + r4).get("status").asString()).isEqualTo("SUBMITTED");

        String csv = api.get().uri("/api/v1/settlements/{id}/lines.csv", id).header(HttpHeaders.AUTHORIZATION, AUDITOR).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).isEqualTo("issuerRegion,providerRegion,count,amount\r\n330000,320000,2,70000.00\r\n330000,330000,1,20000.00\r\nTOTAL,,3,90000.00\r\n");
        String month = YearMonth.from(clock.instant().atZone(ZoneId.of("Asia/Shanghai"))).toString();
        JsonNode inMonth = world.get(JIANGSU_ADMIN, "/api/v1/settlements?period=" + month).get("items");
        assertThat(inMonth.valueStream().map(i -> i.get("id").asString())).contains(id);
        assertThat(world.get(ADMIN, "/api/v1/settlements?period=2001-01").get("items")).isEmpty();

        approve(r4);
        JsonNode next = batch("batch-" + UUID.randomUUID());
        assertThat(next.get("count").asLong()).as("only what was approved after the first cut-off").isEqualTo(1);
        assertThat(amount(next, "total")).isEqualTo("0.01");

        api.post().uri("/api/v1/settlements").header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN).header("Idempotency-Key", "x").exchange()
            .expectStatus().isForbidden();
        api.get().uri("/api/v1/settlements/{id}", id).header(HttpHeaders.AUTHORIZATION, a.token()).exchange().expectStatus().isForbidden();
        api.get().uri("/api/v1/settlements?period=2026-13").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange().expectStatus().isBadRequest();

        ok(world.post(b.token(), "/api/v1/redemptions/" + r2 + "/rating", "{\"score\":5}"), 201);
        ok(world.post(b.token(), "/api/v1/redemptions/" + r4 + "/rating", "{\"score\":2,\"comment\":\"slow\",\"complaint\":true}"), 201);
        int year = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode figures = world.get(jiangsu.token(), "/api/v1/service-agencies/" + jiangsu.id() + "/performance?year=" + year);
        assertThat(figures.get("redemptions").asLong()).isEqualTo(3);
        assertThat(amount(figures, "subsidy")).isEqualTo("70000.01");
        assertThat(amount(figures, "invoiced")).isEqualTo("140000.02");
        assertThat(figures.get("averageRating").asString()).isEqualTo("3.50");
        assertThat(figures.get("repeatRate").asString()).as("holder b twice, a once").isEqualTo("0.5000");
        assertThat(figures.get("complaints").asLong()).isEqualTo(1);
        api.get().uri("/api/v1/service-agencies/{id}/performance", jiangsu.id()).header(HttpHeaders.AUTHORIZATION, zhejiang.token()).exchange()
            .expectStatus().isForbidden();
        assertThat(world.get(ZHEJIANG_ADMIN, "/api/v1/service-agencies/" + jiangsu.id() + "/performance?year=2001").get("redemptions").asLong())
            .isZero();
    }
}
