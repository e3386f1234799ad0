package io.ttx.vouchers;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import io.ttx.testsupport.TestPeer;
import io.ttx.vouchers.VoucherWorld.Agency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ttx.vouchers.VoucherProgrammesIT.money;
import static io.ttx.vouchers.VoucherWorld.JIANGSU_ADMIN;
import static io.ttx.vouchers.VoucherWorld.amount;
import static io.ttx.vouchers.VoucherWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TTX as the client of the voucher federation, against a peer platform hosting 440000 played by WireMock: our Jiangsu
 * agency redeems Guangdong vouchers. A peer that authorizes and captures (with a client-credentials token), refuses,
 * fails once then succeeds, answers too late after authorizing (202, then the reconciliation captures exactly once),
 * refuses a capture after its authorization TTL (409, FAILED), and is down (503 peer-unavailable, nothing paid, then the circuit opens).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VoucherFederationClientIT extends IntegrationTest {
    @Autowired
    MutableClock clock;
    VoucherWorld world;
    WireMockServer peer = TestPeer.get();
    static Agency agency;

    @BeforeEach
    void world() {
        world = new VoucherWorld(api, clock);
        if (agency == null) agency = world.agency("320000", JIANGSU_ADMIN);
        clock.reset();
        peer.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"access_token\":\"peer-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String authorization(String id, String voucher, String status) {
        return "{\"authorizationId\":\"" + id + "\",\"voucherId\":\"" + voucher + "\",\"idempotencyKey\":\"k\",\"subsidy\":" + money("200.00")
            + ",\"status\":\"" + status + "\"}";
    }

    WebTestClient.ResponseSpec redeem(String key, String voucher) {
        return api.post().uri("/api/v1/federated-redemptions").header(HttpHeaders.AUTHORIZATION, agency.token()).header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"issuerRegion\":\"440000\",\"voucherId\":\"" + voucher + "\",\"invoiceNumber\":\"JS-"
                + key + "\",\"invoiceAmount\":" + money("400.00") + ",\"category\":\"TESTING_INSPECTION\",\"serviceDescription\":\"检测\"}")
            .exchange();
    }

    void stubAuthorize(String voucher, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        peer.stubFor(post(urlEqualTo("/federation/v1/authorizations")).withRequestBody(matchingJsonPath("$.voucherId", equalTo(voucher))).willReturn(answer));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    @Order(1)
    void authorizedAndCapturedAtThePeerWithItsToken() {
        String voucher = "vch-sd-" + UUID.randomUUID();
        stubAuthorize(voucher, json(201, authorization("auth-1-" + voucher, voucher, "AUTHORIZED")));
        peer.stubFor(post(urlEqualTo("/federation/v1/authorizations/auth-1-" + voucher + "/capture"))
            .willReturn(json(200, authorization("auth-1-" + voucher, voucher, "SUBMITTED"))));
        String key = UUID.randomUUID().toString();
        JsonNode r = ok(redeem(key, voucher), 201);
        assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(amount(r, "subsidy")).isEqualTo("200.00");
        assertThat(ok(redeem(key, voucher), 201).get("id").asString()).as("a replay answers the outcome").isEqualTo(r.get("id").asString());
        redeem(key, "vch-other").expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("idempotency-key-reused");
        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/federation/v1/authorizations"))
            .withRequestBody(matchingJsonPath("$.voucherId", equalTo(voucher)))
            .withRequestBody(matchingJsonPath("$.providerRegion", equalTo("320000")))
            .withRequestBody(matchingJsonPath("$.idempotencyKey", equalTo(r.get("id").asString())))
            .withHeader("Authorization", equalTo("Bearer peer-token")))).as("one authorization, with the token").hasSize(1);
    }

    @Test
    @Order(2)
    void thePeersRefusalIsFinal() {
        String voucher = "vch-sd-" + UUID.randomUUID();
        stubAuthorize(voucher, json(409, "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"code\":\"voucher-exhausted\","
            + "\"detail\":\"nothing remains\"}").withHeader("Content-Type", "application/problem+json"));
        redeem(UUID.randomUUID().toString(), voucher).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("voucher-exhausted");
    }

    @Test
    @Order(3)
    void aFailureThenSuccessIsRetried() {
        String voucher = "vch-sd-" + UUID.randomUUID();
        peer.stubFor(post(urlEqualTo("/federation/v1/authorizations")).withRequestBody(matchingJsonPath("$.voucherId", equalTo(voucher)))
            .inScenario(voucher).whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        peer.stubFor(post(urlEqualTo("/federation/v1/authorizations")).withRequestBody(matchingJsonPath("$.voucherId", equalTo(voucher)))
            .inScenario(voucher).whenScenarioStateIs("up").willReturn(json(201, authorization("auth-3-" + voucher, voucher, "AUTHORIZED"))));
        peer.stubFor(post(urlEqualTo("/federation/v1/authorizations/auth-3-" + voucher + "/capture"))
            .willReturn(json(200, authorization("auth-3-" + voucher, voucher, "APPROVED"))));
        assertThat(ok(redeem(UUID.randomUUID().toString(), voucher), 201).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    @Order(4)
    void anAnswerTooLateIsPendingUntilTheReconciliationCapturesItOnce() {
        String voucher = "vch-sd-" + UUID.randomUUID();
        stubAuthorize(voucher, json(201, authorization("auth-4-" + voucher, voucher, "AUTHORIZED")).withFixedDelay(2_500));
        JsonNode pending = ok(redeem(UUID.randomUUID().toString(), voucher), 202);
        String id = pending.get("id").asString();
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        peer.stubFor(get(urlPathEqualTo("/federation/v1/authorizations")).withQueryParam("idempotencyKey", equalTo(id))
            .willReturn(json(200, authorization("auth-4-" + voucher, voucher, "AUTHORIZED"))));
        peer.stubFor(post(urlEqualTo("/federation/v1/authorizations/auth-4-" + voucher + "/capture"))
            .willReturn(json(200, authorization("auth-4-" + voucher, voucher, "SUBMITTED"))));
        clock.advance(Duration.ofSeconds(5));
        eventually(Duration.ofSeconds(20), () -> assertThat(world.get(agency.token(), "/api/v1/federated-redemptions/" + id).get("status").asString())
            .isEqualTo("SUBMITTED"));
        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/federation/v1/authorizations/auth-4-" + voucher + "/capture")))).hasSize(1);
        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/federation/v1/authorizations/auth-4-" + voucher + "/void")))).isEmpty();

        // then the issuer's region admin approves it there: the record follows
        peer.stubFor(get(urlEqualTo("/federation/v1/authorizations/auth-4-" + voucher))
            .willReturn(json(200, authorization("auth-4-" + voucher, voucher, "APPROVED"))));
        clock.advance(Duration.ofSeconds(5));
        eventually(Duration.ofSeconds(20), () -> assertThat(world.get(agency.token(), "/api/v1/federated-redemptions/" + id).get("status").asString())
            .isEqualTo("APPROVED"));
    }

    @Test
    @Order(5)
    void aCaptureAfterTheIssuersTtlIsRefusedAndTheRedemptionFails() {
        String voucher = "vch-gd-" + UUID.randomUUID();
        stubAuthorize(voucher, json(201, authorization("auth-5-" + voucher, voucher, "AUTHORIZED")));
        peer.stubFor(post(urlEqualTo("/federation/v1/authorizations/auth-5-" + voucher + "/capture")).willReturn(json(409,
            "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"code\":\"authorization-expired\",\"detail\":\"voided after the TTL\"}")
            .withHeader("Content-Type", "application/problem+json")));
        String key = UUID.randomUUID().toString();
        redeem(key, voucher).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("authorization-expired");
        redeem(key, voucher).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("authorization-expired");
        String id = peer.findAll(postRequestedFor(urlEqualTo("/federation/v1/authorizations")).withRequestBody(matchingJsonPath("$.voucherId",
            equalTo(voucher)))).getFirst().getBodyAsString().replaceAll(".*\"idempotencyKey\":\"([^\"]+)\".*", "$1");
        JsonNode failed = world.get(agency.token(), "/api/v1/federated-redemptions/" + id);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureCode").asString()).isEqualTo("authorization-expired");
        assertThat(failed.get("authorizationId").asString()).isEqualTo("auth-5-" + voucher);
        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/federation/v1/authorizations/auth-5-" + voucher + "/capture"))))
            .as("a refused capture is final: not retried, not repeated by a replay").hasSize(1);
    }

    @Test
    @Order(6)
    void aPeerThatIsDownIsUnavailableWithNothingPaidThenItsCircuitOpens() {
        String voucher = "vch-sd-" + UUID.randomUUID();
        stubAuthorize(voucher, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        for (int i = 0; i < 6; i++) {
            JsonNode problem = redeem(UUID.randomUUID().toString(), voucher).expectStatus().isEqualTo(503).expectBody(JsonNode.class).returnResult()
                .getResponseBody();
            assertThat(problem.get("code").asString()).isEqualTo("peer-unavailable");
        }
        int calls = peer.findAll(postRequestedFor(urlEqualTo("/federation/v1/authorizations")).withRequestBody(matchingJsonPath("$.voucherId",
            equalTo(voucher)))).size();
        redeem(UUID.randomUUID().toString(), voucher).expectStatus().isEqualTo(503);
        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/federation/v1/authorizations")).withRequestBody(matchingJsonPath("$.voucherId",
            equalTo(voucher))))).as("the open circuit does not call the peer").hasSize(calls);
    }
}
