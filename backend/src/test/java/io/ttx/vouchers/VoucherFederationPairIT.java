package io.ttx.vouchers;

import io.ttx.testsupport.ContractConformance;
import io.ttx.testsupport.SecondPlatform;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import io.ttx.vouchers.VoucherWorld.Agency;
import io.ttx.vouchers.VoucherWorld.Holder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.ttx.vouchers.VoucherProgrammesIT.money;
import static io.ttx.vouchers.VoucherWorld.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherWorld.amount;
import static io.ttx.vouchers.VoucherWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two TTX platforms, both real: this test's (hosting 310000-340000) and {@link SecondPlatform}, a separate process with
 * its own database, search aliases and bucket, hosting 370000. A Zhejiang voucher is redeemed by a Shandong agency and a
 * Shandong voucher by a Zhejiang agency, each through the federation protocol from the agency's platform to the
 * issuer's; each issuer's region admin approves; each client platform's reconciliation follows the decision; then both
 * platforms settle, and their batches show the same lines and mirrored positions.
 */
class VoucherFederationPairIT extends VoucherIT {
    static final String ADMIN = VoucherSettlementIT.ADMIN;

    @LocalServerPort
    int port;
    WebTestClient second;

    @BeforeEach
    void secondPlatform() {
        SecondPlatform.start("http://127.0.0.1:" + port);
        second = WebTestClient.bindToServer().baseUrl(SecondPlatform.url()).filter(new ContractConformance()).responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    /** Tokens for the second platform, made now: it keeps the real clock and checks their expiry by it. */
    static String token(String subject, String role, String org, String region) {
        return "Bearer " + Tokens.custom(subject, List.of(role), org, region);
    }

    static String shandongAdmin() {
        return token("ra-sd", "region-admin", null, "370102");
    }

    WebTestClient.ResponseSpec post(WebTestClient platform, String bearer, String uri, String key, String json) {
        WebTestClient.RequestBodySpec r = platform.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON);
        if (key != null) r.header("Idempotency-Key", key);
        return r.bodyValue(json).exchange();
    }

    JsonNode get(WebTestClient platform, String bearer, String uri) {
        return ok(platform.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange(), 200);
    }

    /** A Shandong programme at the second platform (TESTING_INSPECTION at 40 %, accepting Zhejiang agencies) and a voucher of it. */
    String shandongVoucher(String holderOrg) {
        String body = "{\"name\":\"山东省创新券\",\"region\":\"370000\",\"budget\":" + money("1000000.00")
            + ",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2030-12-31\",\"categories\":[{\"category\":\"TESTING_INSPECTION\",\"subsidyRatio\":\"0.4\"}]"
            + ",\"capPerEnterprisePerYear\":" + money("10000000.00") + ",\"capPerControllerPerYear\":" + money("10000000.00")
            + ",\"voucherValidityDays\":365,\"acceptedProviderRegions\":[\"330000\"],\"autoApproveBelow\":" + money("0.00") + "}";
        String programme = ok(post(second, shandongAdmin(), "/api/v1/voucher-programmes", null, body), 201).get("id").asString();
        return ok(post(second, shandongAdmin(), "/api/v1/voucher-programmes/" + programme + "/vouchers", null,
            VoucherIssuanceIT.issue(holderOrg, holderOrg, "100000.00")), 201).get("id").asString();
    }

    /** A Shandong agency admitted at the second platform (after its one-second notice there); a token of one of its users. */
    String shandongAgency() {
        String org = TestOrgs.random("91", "370100");
        String user = token("ag-" + org, "agency", org, "370100");
        String body = "{\"name\":\"检测中心 " + org + "\",\"region\":\"370000\",\"categories\":[\"TESTING_INSPECTION\"],\"controller\":\"ctrl-" + org + "\"}";
        String id = ok(post(second, user, "/api/v1/service-agencies", null, body), 201).get("id").asString();
        eventually(Duration.ofSeconds(20), () -> assertThat(second.post().uri("/api/v1/service-agencies/" + id + "/decision")
            .header(HttpHeaders.AUTHORIZATION, shandongAdmin()).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"ADMIT\"}")
            .exchange().returnResult(JsonNode.class).getStatus().value()).as("admitted once the notice ended").isEqualTo(200));
        return user;
    }

    static String federated(String issuerRegion, String voucher, String invoiceAmount) {
        return "{\"issuerRegion\":\"" + issuerRegion + "\",\"voucherId\":\"" + voucher + "\",\"invoiceNumber\":\"FED-" + UUID.randomUUID()
            + "\",\"invoiceAmount\":" + money(invoiceAmount) + ",\"category\":\"TESTING_INSPECTION\",\"serviceDescription\":\"跨省检测服务\"}";
    }

    static List<String> lines(JsonNode batch, String province) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : batch.get("lines")) {
            String line = l.get("issuerRegion").asString() + ">" + l.get("providerRegion").asString() + " " + l.get("count").asLong() + " "
                + amount(l, "amount");
            if (line.contains(province)) out.add(line);
        }
        return out;
    }

    static String position(JsonNode batch, String peer) {
        for (JsonNode p : batch.get("positions")) {
            if (p.get("peer").asString().equals(peer)) {
                return amount(p, "owesUs") + " " + amount(p, "weOwe") + " " + amount(p, "net");
            }
        }
        return "none";
    }

    @Test
    void vouchersOfEachPlatformAreRedeemedAtTheOtherApprovedByTheirIssuerAndSettledAlikeOnBothSides() {
        // Zhejiang (here): a programme accepting Shandong agencies, a voucher, and an agency of ours
        String zjProgramme = world.programme("1000000.00", "0.00", "\"370000\"");
        Holder zjHolder = world.holder();
        String zjVoucher = world.voucher(zjProgramme, zjHolder, "100000.00");
        Agency zjAgency = world.agency("330000", ZHEJIANG_ADMIN);
        // Shandong (the second platform): the same
        String sdVoucher = shandongVoucher(TestOrgs.random("91", "370100"));
        String sdAgency = shandongAgency();
        ok(api.post().uri("/api/v1/settlements").header(HttpHeaders.AUTHORIZATION, ADMIN).header("Idempotency-Key", "flush-" + UUID.randomUUID())
            .exchange(), 201); // what earlier tests approved here goes elsewhere

        // our agency redeems the Shandong voucher there; the Shandong agency redeems ours here
        JsonNode out = ok(post(api, zjAgency.token(), "/api/v1/federated-redemptions", UUID.randomUUID().toString(),
            federated("370000", sdVoucher, "1000.00")), 201);
        assertThat(out.get("status").asString()).as("the issuer's approval rule: a region admin decides").isEqualTo("SUBMITTED");
        assertThat(amount(out, "subsidy")).isEqualTo("400.00");
        JsonNode in = ok(post(second, sdAgency, "/api/v1/federated-redemptions", UUID.randomUUID().toString(),
            federated("330000", zjVoucher, "400.00")), 201);
        assertThat(in.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(amount(in, "subsidy")).isEqualTo("200.00");

        // each issuer's region admin approves the redemption at the issuer
        ok(post(second, shandongAdmin(), "/api/v1/redemptions/" + out.get("authorizationId").asString() + "/decision", null,
            "{\"decision\":\"APPROVE\"}"), 200);
        ok(world.post(ZHEJIANG_ADMIN, "/api/v1/redemptions/" + in.get("authorizationId").asString() + "/decision", "{\"decision\":\"APPROVE\"}"), 200);
        assertThat(amount(get(second, shandongAdmin(), "/api/v1/vouchers/" + sdVoucher), "redeemed")).isEqualTo("400.00");
        assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + zjVoucher), "redeemed")).isEqualTo("200.00");

        // each client platform's reconciliation follows the issuer's decision (here after reconcile-after on our clock)
        clock.advance(Duration.ofSeconds(5));
        String outId = out.get("id").asString();
        String inId = in.get("id").asString();
        eventually(Duration.ofSeconds(30), () -> assertThat(world.get(zjAgency.token(), "/api/v1/federated-redemptions/" + outId)
            .get("status").asString()).isEqualTo("APPROVED"));
        eventually(Duration.ofSeconds(30), () -> assertThat(get(second, sdAgency, "/api/v1/federated-redemptions/" + inId)
            .get("status").asString()).isEqualTo("APPROVED"));

        // both platforms settle: the same lines, and what one is owed is what the other owes
        JsonNode here = ok(api.post().uri("/api/v1/settlements").header(HttpHeaders.AUTHORIZATION, ADMIN)
            .header("Idempotency-Key", "pair-" + UUID.randomUUID()).exchange(), 201);
        JsonNode there = ok(second.post().uri("/api/v1/settlements").header(HttpHeaders.AUTHORIZATION, token("admin-sd", "admin", null, null))
            .header("Idempotency-Key", "pair-" + UUID.randomUUID()).exchange(), 201);
        assertThat(lines(there, "")).containsExactly("330000>370000 1 200.00", "370000>330000 1 400.00");
        assertThat(lines(here, "370000")).isEqualTo(lines(there, ""));
        assertThat(there.get("count").asLong()).isEqualTo(2);
        assertThat(amount(there, "total")).isEqualTo("600.00");
        assertThat(position(here, "shandong")).as("Shandong owes us 400.00, we owe it 200.00").isEqualTo("400.00 200.00 200.00");
        assertThat(position(there, "yrd")).isEqualTo("200.00 400.00 -200.00");
        assertThat(world.get(zjAgency.token(), "/api/v1/federated-redemptions/" + outId).get("batchId").asString())
            .isEqualTo(here.get("id").asString());
        assertThat(world.get(ADMIN, "/api/v1/redemptions/" + in.get("authorizationId").asString()).get("batchId").asString())
            .isEqualTo(here.get("id").asString());
    }
}
