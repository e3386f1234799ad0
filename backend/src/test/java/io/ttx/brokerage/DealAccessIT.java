package io.ttx.brokerage;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ttx.brokerage.DealSteps.money;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may see and move a deal, and what a signed assignment does to its achievement. */
class DealAccessIT extends IntegrationTest {
    private static final List<String> COMMANDS = List.of(
        "{\"type\":\"CLAIM\"}",
        "{\"type\":\"ASSIGN_BROKER\",\"brokerOrg\":\"" + TestOrgs.random("52", "330100") + "\"}",
        "{\"type\":\"SIGN_NDA\",\"signatory\":\"x\",\"ndaVersion\":\"v1\"}",
        "{\"type\":\"ACCEPT_ASKING_PRICE\"}",
        "{\"type\":\"PROPOSE_TERMS\",\"termSheet\":{\"transferMode\":\"EXCLUSIVE_LICENCE\",\"fieldOfUse\":[\"*\"],\"territory\":[\"CN\"],"
            + "\"termStart\":\"2026-01-01\",\"upfront\":" + money("1.00") + "}}",
        "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":1}",
        "{\"type\":\"SIGN_CONTRACT\"}",
        "{\"type\":\"REGISTER_CONTRACT\",\"registrationNumber\":\"R\",\"registeredOn\":\"2026-12-01\",\"contractType\":\"LICENSING\","
            + "\"contractValue\":" + money("1.00") + ",\"technicalIncome\":" + money("1.00") + "}",
        "{\"type\":\"RECORD_PAYMENT\",\"kind\":\"UPFRONT\",\"amount\":" + money("1.00") + ",\"paidOn\":\"2026-12-01\"}",
        "{\"type\":\"ROYALTY_STATEMENT\",\"year\":2026,\"netSales\":" + money("1.00") + "}",
        "{\"type\":\"CLOSE_ROYALTY_YEAR\",\"year\":2025}",
        "{\"type\":\"CLOSE\"}",
        "{\"type\":\"TERMINATE\",\"reason\":\"r\",\"effectiveOn\":\"2026-12-31\"}",
        "{\"type\":\"WITHDRAW\",\"reason\":\"r\"}",
        "{\"type\":\"REJECT\",\"reason\":\"r\"}");

    private DealSteps s;

    @BeforeEach
    void people() {
        s = new DealSteps(api);
    }

    /**
     * A deal in NDA_SIGNED: roles that never act on deals are refused by the route (403), readers without a party
     * relation (the seller's researcher, auditors) get 403 for every command, callers who cannot see the deal get 404
     * (another enterprise, a broker of another organisation), and the parties get 403 for the commands of others.
     * Nothing changes the deal.
     */
    @Test
    void everyRoleTryingCommandsItMustNotIsRefusedAndNothingChanges() {
        String id = s.opened(s.achievement(), "EXCLUSIVE_LICENCE").get("id").asString();
        s.toNda(id);
        long version = s.get(s.admin, id).get("version").asLong();
        String otherBroker = DealSteps.token("broker-z", "broker", TestOrgs.random("52", "330100"));
        Map<String, Integer> outsiders = Map.of(
            DealSteps.token("ev", "evaluator", TestOrgs.random("52", "330100")), 403,
            DealSteps.token("ag", "agency", TestOrgs.random("11", "330100")), 403,
            DealSteps.token("ra", "region-admin", TestOrgs.random("11", "330100")), 403,
            DealSteps.token("au", "auditor", null), 403,
            s.researcher, 403,
            DealSteps.otherBuyer(), 404,
            otherBroker, 404);
        outsiders.forEach((bearer, status) -> {
            for (String command : COMMANDS) {
                s.command(bearer, id, version, command).expectStatus().isEqualTo(status);
            }
        });
        // parties: commands of another party or of the wrong stage
        s.refused(s.buyer, id, "{\"type\":\"REJECT\",\"reason\":\"r\"}", 403, "forbidden");
        s.refused(s.buyer, id, COMMANDS.get(7), 403, "forbidden");
        s.refused(s.tto, id, "{\"type\":\"CLAIM\"}", 403, "forbidden");
        s.refused(s.broker, id, COMMANDS.get(2), 403, "forbidden");
        s.refused(s.admin, id, "{\"type\":\"SIGN_CONTRACT\"}", 403, "forbidden");
        s.refused(s.broker2, id, "{\"type\":\"CLAIM\"}", 409, "already-assigned");
        s.refused(s.tto, id, "{\"type\":\"SIGN_CONTRACT\"}", 409, "illegal-transition");
        s.refused(s.tto, id, "{\"type\":\"CLOSE\"}", 409, "illegal-transition");
        assertThat(s.get(s.admin, id).get("version").asLong()).isEqualTo(version);
        // the deal is visible to the researcher and auditors, not to outsiders; lists follow the same rule
        s.get(s.researcher, id);
        api.get().uri("/api/v1/deals/{id}", id).header(HttpHeaders.AUTHORIZATION, DealSteps.otherBuyer()).exchange().expectStatus().isNotFound();
        api.get().uri("/api/v1/deals/{id}", id).header(HttpHeaders.AUTHORIZATION, otherBroker).exchange().expectStatus().isNotFound();
        assertThat(ids(otherBroker)).doesNotContain(id);
        assertThat(ids(s.broker2)).contains(id);
        assertThat(ids(s.researcher)).contains(id);
    }

    @Test
    void ifMatchIsRequiredAndCheckedBeforeTheCommandsOwnRules() {
        String id = s.opened(s.achievement(), "EXCLUSIVE_LICENCE").get("id").asString();
        api.post().uri("/api/v1/deals/{id}/commands", id).header(HttpHeaders.AUTHORIZATION, s.broker)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"type\":\"CLAIM\"}").exchange()
            .expectStatus().isEqualTo(428).expectBody().jsonPath("$.code").isEqualTo("precondition-required");
        // stale: 412 even for a command the caller may not issue
        s.command(s.buyer, id, 7, "{\"type\":\"CLOSE\"}").expectStatus().isEqualTo(412);
        s.command(s.broker, id, 0, "{\"type\":\"CLAIM\"}").expectStatus().isOk();
    }

    @Test
    void unclaimedDealsAreTheBrokersQueueAndInvisibleToOtherEnterprises() {
        String id = s.opened(s.achievement(), "EXCLUSIVE_LICENCE").get("id").asString();
        String anyBroker = DealSteps.token("broker-q", "broker", TestOrgs.random("52", "330100"));
        assertThat(ids(anyBroker)).contains(id);
        assertThat(ids(DealSteps.otherBuyer())).doesNotContain(id);
        JsonNode dashboard = api.get().uri("/api/v1/deals?view=broker&stage=INQUIRY").header(HttpHeaders.AUTHORIZATION, anyBroker).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode mine = null;
        for (JsonNode d : dashboard.get("items")) if (d.get("id").asString().equals(id)) mine = d;
        assertThat(mine).isNotNull();
        assertThat(mine.get("nextAction").get("step").asString()).isEqualTo("CLAIM");
        assertThat(mine.get("idleDays").asInt()).isZero();
        s.ok(anyBroker, id, "{\"type\":\"CLAIM\"}");
        assertThat(ids(s.broker)).doesNotContain(id);
    }

    /** A signed assignment ends the listing: TRANSFERRED, still readable, no new deals, no other contract. */
    @Test
    void aSignedAssignmentTransfersTheAchievement() {
        String achievement = s.achievement(b -> ((ObjectNode) b.get("offer")).putArray("transferModes")
            .add("ASSIGNMENT").add("ORDINARY_LICENCE"));
        String other = DealSteps.otherBuyer();
        String licence = s.open(other, achievement, "ORDINARY_LICENCE").expectStatus().isCreated().expectBody(JsonNode.class)
            .returnResult().getResponseBody().get("id").asString();
        String id = s.opened(achievement, "ASSIGNMENT").get("id").asString();
        eventually(Duration.ofSeconds(10), () -> assertThat(hits(s.sellerOrg)).isEqualTo(1));
        s.toNda(id);
        s.ok(s.buyer, id, "{\"type\":\"PROPOSE_TERMS\",\"termSheet\":{\"transferMode\":\"ASSIGNMENT\",\"fieldOfUse\":[\"*\"],\"territory\":[\"*\"],"
            + "\"termStart\":\"2026-12-01\",\"upfront\":" + money("3000000.00") + "}}");
        s.ok(s.tto, id, "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":1}");
        s.ok(s.tto, id, "{\"type\":\"SIGN_CONTRACT\"}");
        s.ok(s.buyer, id, "{\"type\":\"SIGN_CONTRACT\"}");
        eventually(Duration.ofSeconds(5), () -> assertThat(api.get().uri("/api/v1/achievements/{id}", achievement)
            .header(HttpHeaders.AUTHORIZATION, DealSteps.otherBuyer()).exchange().expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody().get("status").asString()).isEqualTo("TRANSFERRED"));
        eventually(Duration.ofSeconds(10), () -> assertThat(hits(s.sellerOrg)).isZero());
        s.open(DealSteps.otherBuyer(), achievement, "ORDINARY_LICENCE").expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("listing-not-open");
        // the licence negotiated meanwhile can no longer be signed
        s.ok(s.broker, licence, "{\"type\":\"CLAIM\"}");
        s.ok(s.tto, licence, "{\"type\":\"SIGN_NDA\",\"signatory\":\"x\",\"ndaVersion\":\"v1\"}");
        s.ok(other, licence, "{\"type\":\"SIGN_NDA\",\"signatory\":\"y\",\"ndaVersion\":\"v1\"}");
        s.ok(other, licence, "{\"type\":\"PROPOSE_TERMS\",\"termSheet\":{\"transferMode\":\"ORDINARY_LICENCE\",\"fieldOfUse\":[\"C\"],"
            + "\"territory\":[\"CN\"],\"termStart\":\"2027-01-01\",\"upfront\":" + money("1000.00") + "}}");
        s.refused(s.tto, licence, "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":1}", 409, "exclusivity-conflict");
        JsonNode history = api.get().uri("/api/v1/achievements/{id}/history", achievement).header(HttpHeaders.AUTHORIZATION, s.tto).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
        assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("TRANSFER");
    }

    /** Search hits of an organisation's achievements. */
    private long hits(String ownerOrg) {
        return api.get().uri(u -> u.path("/api/v1/search/achievements").queryParam("owner", ownerOrg).build())
            .header(HttpHeaders.AUTHORIZATION, s.buyer).exchange().expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody().get("total").get("value").asLong();
    }

    private List<String> ids(String bearer) {
        JsonNode page = api.get().uri("/api/v1/deals?size=100").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> out = new ArrayList<>();
        page.get("items").forEach(d -> out.add(d.get("id").asString()));
        return out;
    }
}
