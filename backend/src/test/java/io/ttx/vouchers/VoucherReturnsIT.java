package io.ttx.vouchers;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import io.ttx.testsupport.TestOrgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.ttx.vouchers.VoucherIssuanceIT.issue;
import static io.ttx.vouchers.VoucherIssuanceIT.programme;
import static io.ttx.vouchers.VoucherProgrammesIT.JIANGSU_ADMIN;
import static io.ttx.vouchers.VoucherProgrammesIT.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherProgrammesIT.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Value that returns to the programme's budget: a revoked voucher's remainder at once, an expired one's once the sweep
 * passed its last valid day; each once, each with its ledger entry, and the returned value can be issued again.
 */
class VoucherReturnsIT extends IntegrationTest {
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String programmeId(String budget) {
        return programmeId(budget, 180);
    }

    String programmeId(String budget, int validityDays) {
        return api.post().uri("/api/v1/voucher-programmes").header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(programme(budget, "100000.00", "100000.00", validityDays)).exchange().expectStatus().isCreated().expectBody(JsonNode.class)
            .returnResult().getResponseBody().get("id").asString();
    }

    JsonNode issued(String programmeId, String face) {
        String org = TestOrgs.random("91", "330100");
        return api.post().uri("/api/v1/voucher-programmes/{id}/vouchers", programmeId).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(issue(org, org, face)).exchange().expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode get(String uri, String id) {
        return api.get().uri(uri, id).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static String amount(JsonNode n, String field) {
        return n.get(field).get("amount").asString();
    }

    @Test
    void aRevokedVouchersRemainderReturnsToTheBudgetOnce() {
        String p = programmeId("1000.00");
        String v = issued(p, "1000.00").get("id").asString();
        assertThat(amount(get("/api/v1/voucher-programmes/{id}", p), "available")).isEqualTo("0.00");
        String body = "{\"reason\":\"not eligible\"}";
        api.post().uri("/api/v1/vouchers/{id}/revocation", v).header(HttpHeaders.AUTHORIZATION, JIANGSU_ADMIN).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectStatus().isNotFound(); // another province does not see it
        JsonNode revoked = api.post().uri("/api/v1/vouchers/{id}/revocation", v).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
            .getResponseBody();
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        api.post().uri("/api/v1/vouchers/{id}/revocation", v).header(HttpHeaders.AUTHORIZATION, ZHEJIANG_ADMIN).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("voucher-not-active");
        JsonNode prog = get("/api/v1/voucher-programmes/{id}", p);
        assertThat(amount(prog, "returned")).isEqualTo("1000.00");
        assertThat(amount(prog, "available")).isEqualTo("1000.00");
        JsonNode ledger = get("/api/v1/vouchers/{id}/ledger", v).get("items");
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(1).get("type").asString()).isEqualTo("REVOKED");
        assertThat(ledger.get(1).get("note").asString()).isEqualTo("not eligible");
        assertThat(amount(issued(p, "1000.00"), "faceValue")).as("the returned value is issued again").isEqualTo("1000.00");
    }

    @Test
    void anExpiredVouchersRemainderReturnsOnceTheSweepPassedItsLastDay() {
        String p = programmeId("500.00", 1); // valid on its issue day only
        JsonNode v = issued(p, "500.00");
        String id = v.get("id").asString();
        assertThat(v.get("validUntil").asString()).isEqualTo(v.get("validFrom").asString());
        clock.advance(Duration.ofDays(2)); // whatever the hour, past its last valid day in China
        eventually(Duration.ofSeconds(20), () -> assertThat(get("/api/v1/vouchers/{id}", id).get("status").asString()).isEqualTo("EXPIRED"));
        JsonNode prog = get("/api/v1/voucher-programmes/{id}", p);
        assertThat(amount(prog, "returned")).isEqualTo("500.00");
        assertThat(amount(prog, "available")).isEqualTo("500.00");
        JsonNode ledger = get("/api/v1/vouchers/{id}/ledger", id).get("items");
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(1).get("type").asString()).isEqualTo("EXPIRED");
        assertThat(amount(ledger.get(1), "amount")).isEqualTo("500.00");
        String holder = token("e-" + v.get("holderOrg").asString(), "enterprise", v.get("holderOrg").asString(), "330100");
        api.get().uri("/api/v1/vouchers/{id}", id).header(HttpHeaders.AUTHORIZATION, holder).exchange().expectStatus().isOk();
    }
}
