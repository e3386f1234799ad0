package io.ttx.vouchers;

import io.ttx.testsupport.TestOrgs;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static io.ttx.vouchers.VoucherProgrammesIT.money;
import static io.ttx.vouchers.VoucherWorld.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherWorld.amount;
import static io.ttx.vouchers.VoucherWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer's side of the voucher federation on the dev stack: a platform hosting Shandong (the dev IdP's
 * peer-370000) authorizes redemptions of a Zhejiang voucher for its agency, captures (then Zhejiang approves), voids,
 * replays; an authorization past its TTL cannot be captured; other peers and other roles are refused.
 */
class VoucherFederationIssuerIT extends VoucherIT {
    static final String SHANDONG = bearer("peer-370000");
    static final String YRD = bearer("peer-yrd");

    String provider = TestOrgs.random("91", "370100");

    String authorization(String voucherId, String invoice, String amount, String key, String region) {
        return "{\"voucherId\":\"" + voucherId + "\",\"providerRegion\":\"" + region + "\",\"providerOrg\":\"" + provider
            + "\",\"providerController\":\"ctrl-" + provider + "\",\"providerAdmittedRegion\":\"" + region + "\",\"invoiceNumber\":\"" + invoice
            + "\",\"invoiceAmount\":" + money(amount) + ",\"category\":\"TESTING_INSPECTION\",\"idempotencyKey\":\"" + key + "\"}";
    }

    WebTestClient.ResponseSpec authorize(String peer, String body) {
        return api.post().uri("/federation/v1/authorizations").header(HttpHeaders.AUTHORIZATION, peer).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec step(String peer, String id, String step) {
        return api.post().uri("/federation/v1/authorizations/{id}/" + step, id).header(HttpHeaders.AUTHORIZATION, peer).exchange();
    }

    JsonNode state(String peer, String id) {
        return ok(api.get().uri("/federation/v1/authorizations/{id}", id).header(HttpHeaders.AUTHORIZATION, peer).exchange(), 200);
    }

    String redeemed(String voucher) {
        return amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher), "redeemed");
    }

    @Test
    void aShandongAgencyRedeemsAZhejiangVoucherThroughItsPlatform() {
        String programme = world.programme("1000000.00", "0.00", "\"370000\"");
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        String key = UUID.randomUUID().toString();
        String body = authorization(voucher, "SD-" + key, "400.00", key, "370000");

        JsonNode a = ok(authorize(SHANDONG, body), 201);
        String id = a.get("authorizationId").asString();
        assertThat(a.get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(amount(a, "subsidy")).isEqualTo("200.00");
        assertThat(redeemed(voucher)).as("reserved on the voucher").isEqualTo("200.00");
        assertThat(ok(authorize(SHANDONG, body), 201).get("authorizationId").asString()).isEqualTo(id);
        authorize(SHANDONG, body.replace("400.00", "300.00")).expectStatus().isEqualTo(422).expectBody().jsonPath("$.code")
            .isEqualTo("idempotency-key-reused");
        assertThat(ok(api.get().uri("/federation/v1/authorizations?idempotencyKey={k}", key).header(HttpHeaders.AUTHORIZATION, SHANDONG).exchange(), 200)
            .get("authorizationId").asString()).isEqualTo(id);
        assertThat(world.get(ZHEJIANG_ADMIN, "/api/v1/redemptions?voucherId=" + voucher).get("items")).as("not in the queue before capture").isEmpty();

        assertThat(ok(step(SHANDONG, id, "capture"), 200).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(ok(step(SHANDONG, id, "capture"), 200).get("status").asString()).as("idempotent").isEqualTo("SUBMITTED");
        step(SHANDONG, id, "void").expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("authorization-captured");
        JsonNode queued = world.get(ZHEJIANG_ADMIN, "/api/v1/redemptions?status=SUBMITTED&voucherId=" + voucher).get("items").get(0);
        assertThat(queued.get("agencyRegion").asString()).isEqualTo("370000");
        assertThat(queued.get("agencyOrg").asString()).isEqualTo(provider);
        ok(world.post(ZHEJIANG_ADMIN, "/api/v1/redemptions/" + id + "/decision", "{\"decision\":\"APPROVE\"}"), 200);
        assertThat(state(SHANDONG, id).get("status").asString()).as("the issuer's decision, for the peer").isEqualTo("APPROVED");

        step(YRD, id, "capture").expectStatus().isNotFound();
        raw.get().uri("/federation/v1/authorizations/{id}", id).header(HttpHeaders.AUTHORIZATION, YRD).exchange().expectStatus().isNotFound();
        raw.get().uri("/federation/v1/authorizations/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange()
            .expectStatus().isForbidden();
        authorize(YRD, authorization(voucher, "SD-x", "10.00", "k-yrd", "370000")).expectStatus().isForbidden();
        authorize(YRD, authorization(voucher, "SH-x", "10.00", "k-yrd-2", "310000")).expectStatus().isForbidden().expectBody().jsonPath("$.code")
            .isEqualTo("region-not-accepted");
    }

    @Test
    void aVoidGivesTheSubsidyBackOnceAndAnAuthorizationPastItsTtlCannotBeCaptured() {
        String programme = world.programme("1000000.00", "0.00", "\"370000\"");
        String voucher = world.voucher(programme, world.holder(), "1000.00");
        String invoice = "SD-" + UUID.randomUUID();
        String id = ok(authorize(SHANDONG, authorization(voucher, invoice, "400.00", "k1", "370000")), 201).get("authorizationId").asString();
        assertThat(ok(step(SHANDONG, id, "void"), 200).get("status").asString()).isEqualTo("VOIDED");
        assertThat(ok(step(SHANDONG, id, "void"), 200).get("status").asString()).isEqualTo("VOIDED");
        step(SHANDONG, id, "capture").expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("authorization-voided");
        assertThat(redeemed(voucher)).isEqualTo("0.00");
        JsonNode ledger = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher + "/ledger").get("items");
        assertThat(ledger.valueStream().map(e -> e.get("type").asString())).containsExactly("ISSUED", "REDEEMED", "REFUNDED");

        String late = ok(authorize(SHANDONG, authorization(voucher, invoice, "400.00", "k2", "370000")), 201).get("authorizationId").asString();
        assertThat(redeemed(voucher)).as("the voided authorization freed its invoice").isEqualTo("200.00");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        step(SHANDONG, late, "capture").expectStatus().isEqualTo(409);
        eventually(Duration.ofSeconds(20), () -> assertThat(state(SHANDONG, late).get("status").asString()).isEqualTo("VOIDED"));
        assertThat(redeemed(voucher)).isEqualTo("0.00");
    }
}
