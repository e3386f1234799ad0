package io.ttx.brokerage;

import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

/**
 * The people of one deal, each with a token of a fresh organisation (so tests never share state): the seller's TTO
 * and researcher, a buyer enterprise, a broker organisation with two brokers, and an admin. Steps over the API.
 * Public for other modules' tests that need a deal (the vouchers' deal check).
 */
public final class DealSteps {
    static final JsonMapper JSON = JsonMapper.builder().build();

    final WebTestClient api;
    final String sellerOrg = TestOrgs.university();
    public final String buyerOrg = TestOrgs.random("91", "330100");
    public final String brokerOrg = TestOrgs.random("52", "330100");
    final String tto = token("tto-" + sellerOrg, "tto", sellerOrg);
    final String researcher = token("researcher-" + sellerOrg, "researcher", sellerOrg);
    final String buyer = token("buyer-" + buyerOrg, "enterprise", buyerOrg);
    final String broker = token("broker-a-" + brokerOrg, "broker", brokerOrg);
    final String broker2 = token("broker-b-" + brokerOrg, "broker", brokerOrg);
    final String admin = token("admin-x", "admin", null);

    public DealSteps(WebTestClient api) {
        this.api = api;
    }

    static String token(String subject, String role, String org) {
        return "Bearer " + Tokens.custom(subject, List.of(role), org, "330100");
    }

    /** A fresh enterprise of another organisation. */
    static String otherBuyer() {
        String org = TestOrgs.random("91", "330100");
        return token("buyer-" + org, "enterprise", org);
    }

    /** A published achievement of the seller, its offer changed by {@code offer} (transfer modes, trade method, price). */
    String achievement(Consumer<ObjectNode> change) {
        ObjectNode body = CatalogueTestSteps.body();
        change.accept(body);
        String id = api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, tto).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(JSON.writeValueAsString(body)).exchange().expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        api.post().uri("/api/v1/achievements/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, tto).exchange().expectStatus().isOk();
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, broker)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
        return id;
    }

    String achievement() {
        return achievement(b -> { });
    }

    WebTestClient.ResponseSpec open(String bearer, String achievementId, String mode) {
        return api.post().uri("/api/v1/deals").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"achievementId\":\"" + achievementId + "\",\"intendedMode\":\"" + mode + "\",\"message\":\"interested\"}").exchange();
    }

    JsonNode opened(String achievementId, String mode) {
        return open(buyer, achievementId, mode).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode get(String bearer, String dealId) {
        return api.get().uri("/api/v1/deals/{id}", dealId).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec command(String bearer, String dealId, long version, String json) {
        return api.post().uri("/api/v1/deals/{id}/commands", dealId).header(HttpHeaders.AUTHORIZATION, bearer)
            .header(HttpHeaders.IF_MATCH, "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** Runs a command on the deal's current version; expects 200 and returns the deal after it. */
    JsonNode ok(String bearer, String dealId, String json) {
        long version = get(admin, dealId).get("version").asLong();
        return command(bearer, dealId, version, json).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Runs a command on the deal's current version; expects that status and problem code. */
    void refused(String bearer, String dealId, String json, int status, String code) {
        long version = get(admin, dealId).get("version").asLong();
        command(bearer, dealId, version, json).expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code);
    }

    static String money(String yuan) {
        return "{\"amount\":\"" + yuan + "\",\"currency\":\"CNY\"}";
    }

    /** A deal of the buyer brokered by the broker, driven to REGISTERED (an exclusive licence of 100.00 CNY); its id. */
    public String registered() {
        String id = opened(achievement(), "EXCLUSIVE_LICENCE").get("id").asString();
        toNda(id);
        ok(buyer, id, "{\"type\":\"PROPOSE_TERMS\",\"termSheet\":{\"transferMode\":\"EXCLUSIVE_LICENCE\",\"fieldOfUse\":[\"C38\"],"
            + "\"territory\":[\"330000\"],\"termStart\":\"2026-01-01\",\"termEnd\":\"2030-12-31\",\"upfront\":" + money("100.00") + "}}");
        ok(tto, id, "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":1}");
        ok(tto, id, "{\"type\":\"SIGN_CONTRACT\"}");
        ok(buyer, id, "{\"type\":\"SIGN_CONTRACT\"}");
        ok(broker, id, "{\"type\":\"REGISTER_CONTRACT\",\"registrationNumber\":\"R-1\",\"registeredOn\":\"2026-12-01\","
            + "\"contractType\":\"LICENSING\",\"contractValue\":" + money("100.00") + ",\"technicalIncome\":" + money("100.00") + "}");
        return id;
    }

    /** A deal of the buyer just opened (INQUIRY); its id. */
    public String inquiry() {
        return opened(achievement(), "EXCLUSIVE_LICENCE").get("id").asString();
    }

    /** Claim and both NDAs: the deal in NDA_SIGNED. */
    void toNda(String dealId) {
        ok(broker, dealId, "{\"type\":\"CLAIM\"}");
        ok(tto, dealId, "{\"type\":\"SIGN_NDA\",\"signatory\":\"王处长\",\"ndaVersion\":\"v1\"}");
        ok(buyer, dealId, "{\"type\":\"SIGN_NDA\",\"signatory\":\"李经理\",\"ndaVersion\":\"v1\"}");
    }
}
