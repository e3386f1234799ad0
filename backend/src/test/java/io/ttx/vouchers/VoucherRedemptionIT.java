package io.ttx.vouchers;

import io.ttx.vouchers.VoucherWorld.Agency;
import io.ttx.vouchers.VoucherWorld.Holder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static io.ttx.vouchers.VoucherWorld.JIANGSU_ADMIN;
import static io.ttx.vouchers.VoucherWorld.SHANGHAI_ADMIN;
import static io.ttx.vouchers.VoucherWorld.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherWorld.amount;
import static io.ttx.vouchers.VoucherWorld.ok;
import static io.ttx.vouchers.VoucherWorld.redemption;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redemption over the API on the dev stack, across two provinces hosted here: a Zhejiang voucher redeemed by a Jiangsu
 * agency, the replay of its key, the invoice claimed platform-wide, the approval queue and decision, the refund of a
 * rejection, the holder's rating, and the refusals in their order.
 */
class VoucherRedemptionIT extends VoucherIT {

    @Test
    void aJiangsuAgencyRedeemsAZhejiangVoucherAndZhejiangApprovesIt() {
        String programme = world.programme("1000000.00", "1000.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        Holder holder = world.holder();
        String voucher = world.voucher(programme, holder, "100000.00");
        String key = UUID.randomUUID().toString();
        String body = redemption("INV-" + key, "80000.00", "TESTING_INSPECTION");

        JsonNode r = ok(world.redeem(agency, voucher, key, body), 201);
        String id = r.get("id").asString();
        assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(amount(r, "subsidy")).isEqualTo("40000.00");
        assertThat(r.get("agencyRegion").asString()).isEqualTo("320000");
        assertThat(r.get("issuerRegion").asString()).isEqualTo("330000");
        assertThat(ok(world.redeem(agency, voucher, key, body), 201).get("id").asString()).as("the replay answers the original").isEqualTo(id);
        world.redeem(agency, voucher, key, redemption("INV-other", "80000.00", "TESTING_INSPECTION")).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("idempotency-key-reused");
        world.redeem(agency, voucher, UUID.randomUUID().toString(), body).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("invoice-claimed");

        assertThat(world.get(agency.token(), "/api/v1/vouchers?size=100").get("items").valueStream().map(i -> i.get("id").asString()))
            .as("an agency lists the vouchers it redeemed").contains(voucher);
        JsonNode v = world.get(agency.token(), "/api/v1/vouchers/" + voucher);
        assertThat(amount(v, "redeemed")).isEqualTo("40000.00");
        assertThat(amount(v, "remaining")).isEqualTo("60000.00");
        JsonNode ledger = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher + "/ledger").get("items");
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(1).get("type").asString()).isEqualTo("REDEEMED");
        assertThat(ledger.get(1).get("idempotencyKey").asString()).isEqualTo(key);
        assertThat(ledger.get(1).get("redemptionId").asString()).isEqualTo(id);
        assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/voucher-programmes/" + programme), "redeemed")).isEqualTo("40000.00");

        JsonNode queue = world.get(ZHEJIANG_ADMIN, "/api/v1/redemptions?status=SUBMITTED&voucherId=" + voucher).get("items");
        assertThat(queue.valueStream().map(i -> i.get("id").asString())).containsExactly(id);
        assertThat(world.get(JIANGSU_ADMIN, "/api/v1/redemptions?voucherId=" + voucher).get("items")).as("not Jiangsu's to approve").isEmpty();
        assertThat(world.get(agency.token(), "/api/v1/redemptions?voucherId=" + voucher).get("items")).hasSize(1);
        assertThat(world.get(holder.token(), "/api/v1/redemptions?voucherId=" + voucher).get("items")).hasSize(1);

        String decision = "{\"decision\":\"APPROVE\",\"note\":\"invoice checked\"}";
        world.post(JIANGSU_ADMIN, "/api/v1/redemptions/" + id + "/decision", decision).expectStatus().isNotFound();
        world.post(holder.token(), "/api/v1/redemptions/" + id + "/decision", decision).expectStatus().isForbidden();
        JsonNode approved = ok(world.post(ZHEJIANG_ADMIN, "/api/v1/redemptions/" + id + "/decision", decision), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedAt")).isNotNull();
        world.post(ZHEJIANG_ADMIN, "/api/v1/redemptions/" + id + "/decision", "{\"decision\":\"REJECT\"}").expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("redemption-decided");

        world.post(agency.token(), "/api/v1/redemptions/" + id + "/rating", "{\"score\":5}").expectStatus().isForbidden();
        world.post(holder.token(), "/api/v1/redemptions/" + id + "/rating", "{\"score\":6}").expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("invalid-rating");
        JsonNode rated = ok(world.post(holder.token(), "/api/v1/redemptions/" + id + "/rating", "{\"score\":4,\"comment\":\"快\"}"), 201);
        assertThat(rated.get("rating").get("score").asInt()).isEqualTo(4);
        world.post(holder.token(), "/api/v1/redemptions/" + id + "/rating", "{\"score\":5}").expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("already-rated");
    }

    @Test
    void aRejectionGivesTheSubsidyBackAndFreesTheInvoice() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "10000.00");
        String body = redemption("INV-" + UUID.randomUUID(), "30000.00", "TESTING_INSPECTION");
        JsonNode r = ok(world.redeem(agency, voucher, "k1", body), 201);
        assertThat(amount(r, "subsidy")).as("capped by what remains").isEqualTo("10000.00");
        world.redeem(agency, voucher, "k2", redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION")).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("voucher-exhausted");

        JsonNode rejected = ok(world.post(ZHEJIANG_ADMIN, "/api/v1/redemptions/" + r.get("id").asString() + "/decision",
            "{\"decision\":\"REJECT\",\"note\":\"the invoice is not for a testing service\"}"), 200);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        JsonNode v = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher);
        assertThat(amount(v, "redeemed")).isEqualTo("0.00");
        JsonNode ledger = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher + "/ledger").get("items");
        assertThat(ledger.valueStream().map(e -> e.get("type").asString())).containsExactly("ISSUED", "REDEEMED", "REFUNDED");
        JsonNode again = ok(world.redeem(agency, voucher, "k3", body), 201);
        assertThat(amount(again, "subsidy")).as("the rejected redemption freed its invoice").isEqualTo("10000.00");
    }

    @Test
    void aSmallSubsidyIsApprovedAtOnce() {
        String programme = world.programme("1000000.00", "1000.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "10000.00");
        JsonNode r = ok(world.redeem(agency, voucher, "k", redemption("INV-" + UUID.randomUUID(), "1999.98", "TESTING_INSPECTION")), 201);
        assertThat(amount(r, "subsidy")).isEqualTo("999.99");
        assertThat(r.get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void refusalsComeInTheirOrderAndAreAnsweredAgainOnAReplay() {
        String programme = world.programme("1000000.00", "0.00");
        Agency shanghai = world.agency("310000", SHANGHAI_ADMIN);
        Agency jiangsu = world.agency("320000", JIANGSU_ADMIN);
        Holder holder = world.holder();
        String voucher = world.voucher(programme, holder, "10000.00");
        String body = redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION");
        world.redeem(shanghai, voucher, "k", body).expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("region-not-accepted");
        world.redeem(shanghai, voucher, "k", body).expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("region-not-accepted");
        world.redeem(jiangsu, voucher, "k", redemption("INV-x", "100.00", "RD_DESIGN")).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("category-not-eligible");
        world.redeem(jiangsu, voucher, "k2", redemption("INV-y", "0.01", "TECHNOLOGY_TRANSFER")).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("subsidy-zero");
        world.redeem(jiangsu, "vch_00000000000000000000", "k3", body).expectStatus().isNotFound();
        world.post(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher + "/revocation", "{\"reason\":\"test\"}").expectStatus().isOk();
        world.redeem(jiangsu, voucher, "k4", body).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("voucher-not-active");
        world.api().post().uri("/api/v1/vouchers/{id}/redemptions", voucher).header("Authorization", holder.token()).header("Idempotency-Key", "k")
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isForbidden();
        assertThat(world.get(ZHEJIANG_ADMIN, "/api/v1/redemptions?voucherId=" + voucher).get("items")).as("refusals are not redemptions").isEmpty();
    }

    @Test
    void aSubsidyRejectedAfterTheVoucherExpiredReturnsStraightToTheBudget() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        String id = ok(world.redeem(agency, voucher, "k", redemption("INV-" + UUID.randomUUID(), "400.00", "TESTING_INSPECTION")), 201)
            .get("id").asString();
        clock.advance(Duration.ofDays(366));
        eventually(Duration.ofSeconds(20), () -> assertThat(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher).get("status").asString())
            .isEqualTo("EXPIRED"));
        assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/voucher-programmes/" + programme), "returned")).as("the unused 800.00").isEqualTo("800.00");

        ok(world.post(ZHEJIANG_ADMIN, "/api/v1/redemptions/" + id + "/decision", "{\"decision\":\"REJECT\"}"), 200);
        JsonNode p = world.get(ZHEJIANG_ADMIN, "/api/v1/voucher-programmes/" + programme);
        assertThat(amount(p, "returned")).as("the rejected 200.00 went straight back").isEqualTo("1000.00");
        assertThat(amount(p, "redeemed")).isEqualTo("0.00");
        assertThat(amount(p, "available")).isEqualTo("1000000.00");
        JsonNode v = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher);
        assertThat(v.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(amount(v, "redeemed")).isEqualTo("0.00");
    }
}
