package io.ttx.vouchers;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.MutableClock;
import io.ttx.testsupport.TestPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.ttx.vouchers.VoucherIssuanceIT.issue;
import static io.ttx.vouchers.VoucherIssuanceIT.programme;
import static io.ttx.vouchers.VoucherProgrammesIT.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherProgrammesIT.token;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bound of the voucher routes, attacked: each request gets its 4xx problem within one second and nothing is written. */
class VoucherHostileInputIT extends IntegrationTest {
    private static final String HUGE = "x".repeat(100_000);

    private void refused(String attack, String bearer, String uri, String body, int status, String code) {
        long start = System.nanoTime();
        raw.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
            .expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(attack).isLessThan(Duration.ofSeconds(1));
    }

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void refused(String attack, VoucherWorld.Agency agency, String voucher, String key, String body, int status, String code) {
        long start = System.nanoTime();
        raw.post().uri("/api/v1/vouchers/{id}/redemptions", voucher).header(HttpHeaders.AUTHORIZATION, agency.token()).header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
            .expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(attack).isLessThan(Duration.ofSeconds(1));
    }

    private void refusedWithKey(String attack, VoucherWorld.Agency agency, String uri, String body, int status, String code) {
        long start = System.nanoTime();
        raw.post().uri(uri).header(HttpHeaders.AUTHORIZATION, agency.token()).header("Idempotency-Key", "hostile").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(attack).isLessThan(Duration.ofSeconds(1));
    }

    private void refusedGet(String attack, String bearer, String uri, int status) {
        long start = System.nanoTime();
        raw.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isEqualTo(status);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(attack).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void everyBoundOfRedemptionsRatingsAndSettlementsIsRefusedFastAndNothingIsWritten() {
        VoucherWorld world = new VoucherWorld(api, clock);
        String programme = world.programme("1000000.00", "0.00");
        VoucherWorld.Agency agency = world.agency("320000", VoucherWorld.JIANGSU_ADMIN);
        VoucherWorld.Holder holder = world.holder();
        String voucher = world.voucher(programme, holder, "1000.00");
        String good = VoucherWorld.redemption("INV-1", "100.00", "TESTING_INSPECTION");
        String id = VoucherWorld.ok(world.redeem(agency, voucher, "warm", good), 201).get("id").asString(); // warm routes

        refused("an invoice number of 100,000 characters", agency, voucher, "k1", good.replace("INV-1", HUGE), 400, "validation-failed");
        refused("an invoice number with a line break", agency, voucher, "k2", good.replace("INV-1", "INV\\n1"), 400, "validation-failed");
        refused("an invoice amount of 1e500000000", agency, voucher, "k3", good.replace("\"100.00\"", "\"1e500000000\""), 422, "invalid-amount");
        refused("an invoice amount of 200,000 digits", agency, voucher, "k4", good.replace("\"100.00\"", "\"1" + "0".repeat(200_000) + "\""), 422,
            "invalid-amount");
        refused("a description of 100,000 characters", agency, voucher, "k5", good.replace("盐雾试验与振动试验", HUGE), 400, "validation-failed");
        refused("a deal id of 100,000 characters", agency, voucher, "k6", good.replace("}", ",\"dealId\":\"" + HUGE + "\"}"), 400, "validation-failed");
        refused("an Idempotency-Key of 201 characters", agency, voucher, "k".repeat(201), good, 400, "validation-failed");
        refused("an Idempotency-Key with a space", agency, voucher, "a key", good, 400, "validation-failed");
        refused("a rating comment of 100,000 characters", holder.token(), "/api/v1/redemptions/" + id + "/rating",
            "{\"score\":5,\"comment\":\"" + HUGE + "\"}", 400, "validation-failed");
        refused("a score of 10^30", holder.token(), "/api/v1/redemptions/" + id + "/rating", "{\"score\":1" + "0".repeat(30) + "}", 400,
            "validation-failed");
        refused("a decision note of 100,000 characters", ZHEJIANG_ADMIN, "/api/v1/redemptions/" + id + "/decision",
            "{\"decision\":\"REJECT\",\"note\":\"" + HUGE + "\"}", 400, "validation-failed");
        String admin = token("admin-h", "admin", null, null);
        refusedGet("a period of 1,000 characters", admin, "/api/v1/settlements?period=" + "9".repeat(1_000), 400);
        refusedGet("a year of 10^30", admin, "/api/v1/service-agencies/" + agency.id() + "/performance?year=1" + "0".repeat(30), 400);
        refusedGet("a voucher filter of 100,000 characters", admin, "/api/v1/redemptions?voucherId=" + "v".repeat(10_000), 400);

        String peer = bearer("peer-370000");
        String fed = "{\"voucherId\":\"" + voucher + "\",\"providerRegion\":\"370000\",\"providerOrg\":\"91370100MA3C0K0X7D\","
            + "\"providerController\":\"c\",\"providerAdmittedRegion\":\"370000\",\"invoiceNumber\":\"SD-1\",\"invoiceAmount\":"
            + VoucherProgrammesIT.money("100.00") + ",\"category\":\"TESTING_INSPECTION\",\"idempotencyKey\":\"k\"}";
        String authorizations = "/federation/v1/authorizations";
        refused("a federated invoice number of 100,000 characters", peer, authorizations, fed.replace("SD-1", HUGE), 400, "validation-failed");
        refused("a provider controller of 100,000 characters", peer, authorizations, fed.replace("\"c\"", "\"" + HUGE + "\""), 400,
            "validation-failed");
        refused("a federated key of 201 characters", peer, authorizations, fed.replace("\"k\"", "\"" + "k".repeat(201) + "\""), 400,
            "validation-failed");
        refused("a federated amount of 1e500000000", peer, authorizations, fed.replace("\"100.00\"", "\"1e500000000\""), 422, "invalid-amount");
        refused("a provider region of 10 digits", peer, authorizations, fed.replace("\"providerRegion\":\"370000\"",
            "\"providerRegion\":\"3700000000\""), 400, "validation-failed");
        refused("a provider organisation of 100,000 characters", peer, authorizations, fed.replace("91370100MA3C0K0X7D", HUGE), 400,
            "validation-failed");

        String outgoing = "{\"issuerRegion\":\"440000\",\"voucherId\":\"vch-sd\",\"invoiceNumber\":\"JS-1\",\"invoiceAmount\":"
            + VoucherProgrammesIT.money("100.00") + ",\"category\":\"TESTING_INSPECTION\",\"serviceDescription\":\"d\"}";
        String federated = "/api/v1/federated-redemptions";
        refusedWithKey("an outgoing invoice number of 100,000 characters", agency, federated, outgoing.replace("JS-1", HUGE), 400, "validation-failed");
        refusedWithKey("an issuer region of 100,000 characters", agency, federated, outgoing.replace("440000", HUGE), 400, "validation-failed");
        refusedWithKey("an outgoing amount of 1e500000000", agency, federated, outgoing.replace("\"100.00\"", "\"1e500000000\""), 422,
            "invalid-amount");
        refusedWithKey("an outgoing description of 100,000 characters", agency, federated, outgoing.replace("\"d\"", "\"" + HUGE + "\""), 400,
            "validation-failed");
        assertThat(TestPeer.get().getAllServeEvents().stream().filter(e -> e.getRequest().getBodyAsString().contains("JS-1")))
            .as("nothing reached the peer").isEmpty();

        JsonNode v = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher);
        assertThat(v.get("redeemed").get("amount").asString()).as("only the warm-up").isEqualTo("50.00");
        JsonNode r = world.get(ZHEJIANG_ADMIN, "/api/v1/redemptions/" + id);
        assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(r.has("rating")).isFalse();
    }

    @Test
    void everyOversizedOrMalformedMemberIsRefusedFastAndNothingIsWritten() {
        String good = programme("1000.00", "1000.00", "1000.00");
        // a valid programme first: the routes are warm when the clock starts for the attacks
        String programmeId = api.post().uri("/api/v1/voucher-programmes").header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(good).exchange().expectStatus().isCreated().expectBody(JsonNode.class)
            .returnResult().getResponseBody().get("id").asString();
        refused("a name of 100,000 characters", ZHEJIANG_ADMIN, "/api/v1/voucher-programmes", good.replace("创新券", HUGE), 400, "validation-failed");
        refused("a budget of 1e500000000", ZHEJIANG_ADMIN, "/api/v1/voucher-programmes",
            good.replace("\"budget\":{\"amount\":\"1000.00\"", "\"budget\":{\"amount\":\"1e500000000\""), 422, "invalid-amount");
        refused("a subsidy ratio of 200,000 digits", ZHEJIANG_ADMIN, "/api/v1/voucher-programmes",
            good.replace("\"subsidyRatio\":\"0.5\"", "\"subsidyRatio\":\"0." + "5".repeat(200_000) + "\""), 400, "validation-failed");
        refused("10,000 accepted regions", ZHEJIANG_ADMIN, "/api/v1/voucher-programmes",
            good.replace("\"acceptedProviderRegions\":[]", "\"acceptedProviderRegions\":[" + "\"320000\",".repeat(9_999) + "\"320000\"]"), 400,
            "validation-failed");
        refused("10,000 categories", ZHEJIANG_ADMIN, "/api/v1/voucher-programmes", good.replace("\"categories\":[{\"category\":\"TESTING_INSPECTION\",\"subsidyRatio\":\"0.5\"}]",
            "\"categories\":[" + "{\"category\":\"RD_DESIGN\",\"subsidyRatio\":\"0.5\"},".repeat(9_999) + "{\"category\":\"RD_DESIGN\",\"subsidyRatio\":\"0.5\"}]"),
            400, "validation-failed");
        refused("validity days of 10^30", ZHEJIANG_ADMIN, "/api/v1/voucher-programmes",
            good.replace("\"voucherValidityDays\":180", "\"voucherValidityDays\":1" + "0".repeat(30)), 400, "validation-failed");

        String org = TestOrgs.random("91", "330100");
        String uri = "/api/v1/voucher-programmes/" + programmeId + "/vouchers";
        refused("a controller of 100,000 characters", ZHEJIANG_ADMIN, uri, issue(org, HUGE, "1.00"), 400, "validation-failed");
        refused("a holder of 100,000 characters", ZHEJIANG_ADMIN, uri, issue(HUGE, org, "1.00"), 400, "validation-failed");
        refused("a face value of 200,000 digits", ZHEJIANG_ADMIN, uri, issue(org, org, "1" + "0".repeat(200_000)), 422, "invalid-amount");
        refused("a face value beyond 10^13 yuan", ZHEJIANG_ADMIN, uri, issue(org, org, "99999999999999.99"), 422, "invalid-face-value");

        String agency = token("ag-" + org, "agency", org, "330100");
        String apply = "{\"name\":\"n\",\"region\":\"330000\",\"categories\":[\"TESTING_INSPECTION\"],\"controller\":\"c\"}";
        refused("an agency name of 100,000 characters", agency, "/api/v1/service-agencies", apply.replace("\"name\":\"n\"", "\"name\":\"" + HUGE + "\""), 400,
            "validation-failed");
        refused("an agency controller of 100,000 characters", agency, "/api/v1/service-agencies", apply.replace("\"controller\":\"c\"", "\"controller\":\"" + HUGE + "\""),
            400, "validation-failed");
        refused("10,000 agency categories", agency, "/api/v1/service-agencies", apply.replace("[\"TESTING_INSPECTION\"]",
            "[" + "\"RD_DESIGN\",".repeat(9_999) + "\"RD_DESIGN\"]"), 400, "validation-failed");

        JsonNode p = api.get().uri("/api/v1/voucher-programmes/{id}", programmeId).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(p.get("issued").get("amount").asString()).isEqualTo("0.00");
        JsonNode agencies = api.get().uri(u -> u.path("/api/v1/service-agencies").queryParam("org", org).build())
            .header(HttpHeaders.AUTHORIZATION, agency).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(agencies.get("items")).isEmpty();
    }
}
