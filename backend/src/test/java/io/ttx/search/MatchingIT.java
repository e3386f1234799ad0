package io.ttx.search;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

import static io.ttx.search.SearchSteps.ids;
import static io.ttx.search.SearchSteps.texts;
import static io.ttx.search.SearchSteps.words;
import static org.assertj.core.api.Assertions.assertThat;

/** Docking in both directions over the real Elasticsearch node: more-like-this, business filters, reasons, access. */
class MatchingIT extends IntegrationTest {
    private final String org = TestOrgs.university();
    private final String owner = "Bearer " + Tokens.custom("match-owner", List.of("tto"), org, "330100");
    private final String enterpriseOrg = TestOrgs.random("91", "310000");
    private final String enterprise = "Bearer " + Tokens.custom("match-buyer", List.of("enterprise"), enterpriseOrg, "310000");

    @Test
    void similarAchievementsShareTheTopicAndNeverIncludeTheAchievementItself() {
        String word = SearchSteps.nonce();
        String source = publish(word, "钒液流储能电池电解液再生方法", "Electrolyte regeneration for vanadium flow batteries", b -> { });
        String twin = publish(word, "钒液流电池电解液在线再平衡装置", "Online electrolyte rebalancing of vanadium flow batteries", b -> { });
        String other = publish(SearchSteps.nonce(), "小麦赤霉病抗性基因标记", "Marker for wheat head blight resistance",
            b -> b.put("field", "RESOURCES_ENVIRONMENT"));
        JsonNode similar = eventuallyMatches("/api/v1/achievements/{id}/similar", source, owner, twin);
        List<String> found = ids(similar);
        assertThat(found.getFirst()).isEqualTo(twin);
        assertThat(found).doesNotContain(source, other);
        JsonNode reason = similar.at("/items/0/reason");
        assertThat(reason.get("matchedTerms").toString()).contains(word);
        assertThat(reason.get("fields").toString()).contains("title");
        assertThat(similar.at("/items/0/score").asDouble()).isPositive();
    }

    @Test
    void aDemandFindsAchievementsWithinBudgetAndCooperationModesAndTheOwnerSeesTheDemand() {
        String word = SearchSteps.nonce();
        String fits = publish(word, "高镍正极材料表面包覆改性技术", "Surface coating of nickel-rich cathode materials",
            b -> offer(b, "EXCLUSIVE_LICENCE", "800000"));
        String withinTolerance = publish(word, "高镍正极材料单晶化制备工艺", "Single-crystal nickel-rich cathode materials process",
            b -> offer(b, "EXCLUSIVE_LICENCE", "1150000"));
        String tooDear = publish(word, "高镍正极材料回收再生技术", "Recycling of nickel-rich cathode materials",
            b -> offer(b, "EXCLUSIVE_LICENCE", "5000000"));
        String wrongMode = publish(word, "高镍正极材料掺杂改性方法", "Doping of nickel-rich cathode materials",
            b -> offer(b, "ASSIGNMENT", "300000"));
        String demand = SearchSteps.publishDemand(api, enterprise, d -> {
            d.set("title", texts("征集高镍正极材料" + word + "改性技术", "Wanted: nickel-rich cathode " + word + " modification"));
            d.set("summary", texts("提升高镍正极材料循环寿命。", "Longer cycle life of nickel-rich cathode materials."));
            d.set("keywords", words(word, "正极材料", "cathode"));
            d.remove("budgetRange");
            d.set("budget", SearchSteps.JSON.createObjectNode().put("amount", "1000000").put("currency", "CNY"));
            d.set("cooperationModes", words("EXCLUSIVE_LICENCE", "JOINT_DEVELOPMENT"));
        });
        JsonNode matches = eventuallyMatches("/api/v1/demands/{id}/matches", demand, enterprise, fits, withinTolerance);
        assertThat(ids(matches)).contains(fits, withinTolerance).doesNotContain(tooDear, wrongMode);
        assertThat(matches.at("/items/0/reason/matchedTerms").toString()).contains(word);
        assertThat(matches.at("/items/0/askingPrice").asString()).isIn("800000.00", "1150000.00");

        JsonNode demands = eventuallyMatches("/api/v1/achievements/{id}/demand-matches", fits, owner, demand);
        assertThat(demands.at("/items/0/id").asString()).isEqualTo(demand);
        assertThat(demands.at("/items/0/budget").asString()).isEqualTo("1000000.00");
        assertThat(demands.at("/items/0/trl").isMissingNode()).isTrue();
        JsonNode none = get("/api/v1/achievements/{id}/demand-matches", tooDear, owner, HttpStatus.OK);
        assertThat(ids(none)).doesNotContain(demand); // a budget of 1 M does not cover 5 M even with room to negotiate
        assertThat(ids(get("/api/v1/achievements/{id}/demand-matches", fits, bearer("broker"), HttpStatus.OK))).contains(demand);
    }

    @Test
    void demandMatchesAreForTheOwnerAndBrokersAndWithdrawnDemandsLeaveTheIndex() {
        String word = SearchSteps.nonce();
        String achievement = publish(word, "钙钛矿叠层太阳电池封装技术", "Encapsulation of perovskite tandem solar cells", b -> { });
        String demand = SearchSteps.publishDemand(api, enterprise, d -> {
            d.set("title", texts("钙钛矿太阳电池" + word + "封装需求", "Need: perovskite solar cell " + word + " encapsulation"));
            d.set("keywords", words(word));
        });
        eventuallyMatches("/api/v1/achievements/{id}/demand-matches", achievement, owner, demand);
        String otherUniversity = "Bearer " + Tokens.custom("other-tto", List.of("tto"), TestOrgs.university(), "330100");
        get("/api/v1/achievements/{id}/demand-matches", achievement, otherUniversity, HttpStatus.FORBIDDEN);
        get("/api/v1/achievements/{id}/demand-matches", achievement, enterprise, HttpStatus.FORBIDDEN);
        get("/api/v1/achievements/{id}/demand-matches", "ach_nonexistent", owner, HttpStatus.NOT_FOUND);
        get("/api/v1/demands/{id}/matches", "dem_nonexistent", enterprise, HttpStatus.NOT_FOUND);
        get("/api/v1/achievements/{id}/similar", "ach_nonexistent", enterprise, HttpStatus.NOT_FOUND);
        api.get().uri("/api/v1/achievements/{id}/similar?size=51", achievement).header(HttpHeaders.AUTHORIZATION, owner).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        api.get().uri("/api/v1/achievements/{id}/similar", achievement).exchange().expectStatus().isUnauthorized();

        api.post().uri("/api/v1/demands/{id}/withdrawal", demand).header(HttpHeaders.AUTHORIZATION, enterprise).exchange().expectStatus().isOk();
        eventually(Duration.ofSeconds(20), () ->
            assertThat(ids(get("/api/v1/achievements/{id}/demand-matches", achievement, owner, HttpStatus.OK))).doesNotContain(demand));
    }

    private String publish(String word, String zh, String en, java.util.function.Consumer<ObjectNode> change) {
        return SearchSteps.publishAchievement(api, owner, bearer("broker"), b -> {
            b.set("title", texts(zh + " " + word, en + " " + word));
            b.set("summary", texts(zh + "，面向产业化应用。", en + " for industrial use."));
            b.set("keywords", words(word));
            change.accept(b);
        });
    }

    private static void offer(ObjectNode body, String mode, String price) {
        ObjectNode offer = (ObjectNode) body.get("offer");
        offer.set("transferModes", words(mode));
        offer.set("askingPrice", SearchSteps.JSON.createObjectNode().put("amount", price).put("currency", "CNY"));
    }

    private JsonNode eventuallyMatches(String path, String id, String bearer, String... expected) {
        JsonNode[] last = new JsonNode[1];
        eventually(Duration.ofSeconds(20), () -> {
            last[0] = get(path, id, bearer, HttpStatus.OK);
            assertThat(ids(last[0])).contains(expected);
        });
        return last[0];
    }

    private JsonNode get(String path, String id, String bearer, HttpStatus status) {
        return api.get().uri(path, id).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isEqualTo(status)
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
