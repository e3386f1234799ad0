package io.ttx.vouchers;

import io.ttx.testsupport.MutableClock;
import io.ttx.testsupport.TestOrgs;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.ttx.vouchers.VoucherProgrammesIT.money;
import static io.ttx.vouchers.VoucherProgrammesIT.token;

/**
 * Builds what redemptions need over the API: a Zhejiang programme accepting Jiangsu agencies, admitted agencies (the
 * clock passes their public notice), vouchers, redemptions.
 */
record VoucherWorld(WebTestClient api, MutableClock clock) {
    static final String ZHEJIANG_ADMIN = VoucherProgrammesIT.ZHEJIANG_ADMIN;
    static final String JIANGSU_ADMIN = VoucherProgrammesIT.JIANGSU_ADMIN;
    static final String SHANGHAI_ADMIN = token("ra-sh", "region-admin", null, "310101");

    /** An admitted agency: its id, organisation, controller and a token of one of its users. */
    record Agency(String id, String org, String controller, String token) { }

    /** A holder: its organisation (also its controller) and a token of one of its enterprise users. */
    record Holder(String org, String token) { }

    /** A 330000 programme: TESTING_INSPECTION at 50 %, TECHNOLOGY_TRANSFER at 30 %, accepting 320000 agencies. */
    String programme(String budget, String autoApproveBelow) {
        return programme(budget, autoApproveBelow, "\"320000\"");
    }

    /** As {@link #programme(String, String)}, accepting the provider provinces listed (JSON strings, comma-separated). */
    String programme(String budget, String autoApproveBelow, String accepted) {
        String body = "{\"name\":\"浙江省创新券\",\"region\":\"330000\",\"budget\":" + money(budget)
            + ",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2030-12-31\",\"categories\":[{\"category\":\"TESTING_INSPECTION\",\"subsidyRatio\":\"0.5\"},"
            + "{\"category\":\"TECHNOLOGY_TRANSFER\",\"subsidyRatio\":\"0.3\"}],\"capPerEnterprisePerYear\":" + money("10000000.00")
            + ",\"capPerControllerPerYear\":" + money("10000000.00") + ",\"voucherValidityDays\":365,\"acceptedProviderRegions\":[" + accepted + "]"
            + ",\"autoApproveBelow\":" + money(autoApproveBelow) + "}";
        return ok(post(ZHEJIANG_ADMIN, "/api/v1/voucher-programmes", body), 201).get("id").asString();
    }

    /** An agency of a new organisation admitted in {@code province} (310000, 320000 or 330000) for both categories. */
    Agency agency(String province, String admin) {
        return agency(province, admin, TestOrgs.random("91", province.substring(0, 2) + "0100"));
    }

    /** An agency of the organisation {@code org} admitted in {@code province} for both categories. */
    Agency agency(String province, String admin, String org) {
        String controller = "ctrl-" + org;
        String token = token("ag-" + org, "agency", org, province.substring(0, 2) + "0100");
        String body = "{\"name\":\"检测中心 " + org + "\",\"region\":\"" + province + "\",\"categories\":[\"TESTING_INSPECTION\",\"TECHNOLOGY_TRANSFER\"],"
            + "\"controller\":\"" + controller + "\"}";
        String id = ok(post(token, "/api/v1/service-agencies", body), 201).get("id").asString();
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        ok(post(admin, "/api/v1/service-agencies/" + id + "/decision", "{\"decision\":\"ADMIT\"}"), 200);
        return new Agency(id, org, controller, token);
    }

    Holder holder() {
        return holder(TestOrgs.random("91", "330100"));
    }

    Holder holder(String org) {
        return new Holder(org, token("e-" + org, "enterprise", org, "330100"));
    }

    /** A voucher of the programme for the holder (its organisation also its controller); its id. */
    String voucher(String programmeId, Holder holder, String face) {
        return ok(post(ZHEJIANG_ADMIN, "/api/v1/voucher-programmes/" + programmeId + "/vouchers", VoucherIssuanceIT.issue(holder.org(), holder.org(), face)),
            201).get("id").asString();
    }

    static String redemption(String invoice, String amount, String category) {
        return "{\"invoiceNumber\":\"" + invoice + "\",\"invoiceAmount\":" + money(amount) + ",\"category\":\"" + category
            + "\",\"serviceDescription\":\"盐雾试验与振动试验\"}";
    }

    WebTestClient.ResponseSpec redeem(Agency agency, String voucherId, String key, String body) {
        return api.post().uri("/api/v1/vouchers/{id}/redemptions", voucherId).header(HttpHeaders.AUTHORIZATION, agency.token())
            .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec post(String bearer, String uri, String json) {
        return api.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    JsonNode get(String bearer, String uri) {
        return ok(api.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange(), 200);
    }

    static JsonNode ok(WebTestClient.ResponseSpec r, int status) {
        return r.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static String amount(JsonNode n, String field) {
        return n.get(field).get("amount").asString();
    }
}
