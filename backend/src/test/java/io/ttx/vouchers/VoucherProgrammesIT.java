package io.ttx.vouchers;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programmes and agencies over the API on the dev stack: a region admin creates its province's programme (another
 * province's gets 403), an agency applies, objections are taken during the public notice, admission waits for its
 * end, and the admitted agency publishes products.
 */
class VoucherProgrammesIT extends IntegrationTest {
    static final String ZHEJIANG_ADMIN = token("ra-zj", "region-admin", null, "330106");
    static final String JIANGSU_ADMIN = token("ra-js", "region-admin", null, "320102");

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String token(String subject, String role, String org, String region) {
        return "Bearer " + Tokens.custom(subject, List.of(role), org, region);
    }

    static String money(String yuan) {
        return "{\"amount\":\"" + yuan + "\",\"currency\":\"CNY\"}";
    }

    static String programme(String region) {
        return "{\"name\":\"创新券 2026\",\"region\":\"" + region + "\",\"budget\":" + money("1000000.00")
            + ",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2027-12-31\",\"categories\":[{\"category\":\"TESTING_INSPECTION\",\"subsidyRatio\":\"0.5\"}]"
            + ",\"capPerEnterprisePerYear\":" + money("500000.00") + ",\"capPerControllerPerYear\":" + money("650000.00")
            + ",\"voucherValidityDays\":180,\"acceptedProviderRegions\":[\"320000\"],\"autoApproveBelow\":" + money("1000.00") + "}";
    }

    WebTestClient.ResponseSpec post(String bearer, String uri, String json) {
        return api.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    JsonNode ok(WebTestClient.ResponseSpec r, int status) {
        return r.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aRegionAdminCreatesItsProvincesProgrammeAndEveryoneReadsIt() {
        JsonNode p = ok(post(ZHEJIANG_ADMIN, "/api/v1/voucher-programmes", programme("330000")), 201);
        assertThat(p.get("region").asString()).isEqualTo("330000");
        assertThat(p.get("available").get("amount").asString()).isEqualTo("1000000.00");
        assertThat(p.get("issued").get("amount").asString()).isEqualTo("0.00");
        String id = p.get("id").asString();
        String enterprise = token("e-1", "enterprise", TestOrgs.random("91", "330100"), "330100");
        JsonNode read = ok(api.get().uri("/api/v1/voucher-programmes/{id}", id).header(HttpHeaders.AUTHORIZATION, enterprise).exchange(), 200);
        assertThat(read.get("name").asString()).isEqualTo("创新券 2026");
        JsonNode page = ok(api.get().uri("/api/v1/voucher-programmes?region=330000&size=100").header(HttpHeaders.AUTHORIZATION, enterprise).exchange(), 200);
        assertThat(page.get("items").valueStream().map(i -> i.get("id").asString())).contains(id);

        post(JIANGSU_ADMIN, "/api/v1/voucher-programmes", programme("330000")).expectStatus().isForbidden();
        post(enterprise, "/api/v1/voucher-programmes", programme("330000")).expectStatus().isForbidden();
        post(ZHEJIANG_ADMIN, "/api/v1/voucher-programmes", programme("330100")).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("invalid-programme");
        post(ZHEJIANG_ADMIN, "/api/v1/voucher-programmes", "{}").expectStatus().isBadRequest();
        api.get().uri("/api/v1/voucher-programmes/vpg_00000000000000000000").header(HttpHeaders.AUTHORIZATION, enterprise).exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void anAgencyIsAdmittedAfterItsPublicNoticeAndThenPublishesProducts() {
        String org = TestOrgs.random("91", "320100");
        String agency = token("ag-" + org, "agency", org, "320100");
        String body = "{\"name\":\"江苏省产品质量检测中心\",\"region\":\"320000\",\"categories\":[\"TESTING_INSPECTION\"],\"controller\":\"" + org + "\"}";
        JsonNode a = ok(post(agency, "/api/v1/service-agencies", body), 201);
        String id = a.get("id").asString();
        assertThat(a.get("status").asString()).isEqualTo("NOTICE");
        assertThat(a.get("controller").asString()).isEqualTo(org);
        String someone = token("e-2", "enterprise", TestOrgs.random("91", "330100"), "330100");
        JsonNode seen = ok(api.get().uri("/api/v1/service-agencies/{id}", id).header(HttpHeaders.AUTHORIZATION, someone).exchange(), 200);
        assertThat(seen.has("controller")).as("the controller is not everyone's business").isFalse();

        ok(post(someone, "/api/v1/service-agencies/" + id + "/objections", "{\"text\":\"certificate expired\"}"), 201);
        post(JIANGSU_ADMIN, "/api/v1/service-agencies/" + id + "/decision", "{\"decision\":\"ADMIT\",\"note\":\"ok\"}").expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("notice-period");
        post(agency, "/api/v1/service-agencies/" + id + "/products",
            "{\"category\":\"TESTING_INSPECTION\",\"name\":\"盐雾试验\",\"price\":" + money("800.00") + "}").expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("agency-not-admitted");

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        post(someone, "/api/v1/service-agencies/" + id + "/objections", "{\"text\":\"late\"}").expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("notice-ended");
        post(ZHEJIANG_ADMIN, "/api/v1/service-agencies/" + id + "/decision", "{\"decision\":\"ADMIT\"}").expectStatus().isForbidden();
        JsonNode admitted = ok(post(JIANGSU_ADMIN, "/api/v1/service-agencies/" + id + "/decision", "{\"decision\":\"ADMIT\",\"note\":\"ok\"}"), 200);
        assertThat(admitted.get("status").asString()).isEqualTo("ADMITTED");
        assertThat(admitted.get("objections").asInt()).isEqualTo(1);
        post(JIANGSU_ADMIN, "/api/v1/service-agencies/" + id + "/decision", "{\"decision\":\"REJECT\"}").expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("agency-decided");

        ok(post(agency, "/api/v1/service-agencies/" + id + "/products",
            "{\"category\":\"TESTING_INSPECTION\",\"name\":\"盐雾试验\",\"price\":" + money("800.00") + "}"), 201);
        post(agency, "/api/v1/service-agencies/" + id + "/products", "{\"category\":\"RD_DESIGN\",\"name\":\"x\",\"price\":" + money("1.00") + "}")
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("category-not-eligible");
        String otherAgency = token("ag-x", "agency", TestOrgs.random("91", "320100"), "320100");
        post(otherAgency, "/api/v1/service-agencies/" + id + "/products", "{\"category\":\"TESTING_INSPECTION\",\"name\":\"x\",\"price\":" + money("1.00") + "}")
            .expectStatus().isForbidden();
        JsonNode products = ok(api.get().uri("/api/v1/service-agencies/{id}/products", id).header(HttpHeaders.AUTHORIZATION, someone).exchange(), 200);
        assertThat(products.get("items").valueStream().map(p -> p.get("price").get("amount").asString())).containsExactly("800.00");
    }
}
