package io.ttx.search;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Search over the real Elasticsearch node, fed by the outbox; each test works in its own organisation's records. */
class SearchIT extends IntegrationTest {
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final String org = TestOrgs.university();
    private final String owner = "Bearer " + Tokens.custom("search-owner", List.of("tto"), org, "330100");

    @Test
    void aPublishedAchievementBecomesSearchableInChineseAndEnglishAndLeavesOnWithdrawal() {
        String id = publish(b -> { });
        JsonNode zh = eventuallyFind(u -> u.queryParam("q", "锂电池"), 1);
        assertThat(zh.at("/items/0/id").asString()).isEqualTo(id);
        assertThat(zh.at("/items/0/highlights").toString()).contains("<em>锂电池</em>");
        assertThat(search(u -> u.queryParam("q", "batteries")).at("/total/value").asLong()).isEqualTo(1); // stemming
        assertThat(search(u -> u.queryParam("q", "电池")).at("/total/value").asLong()).isEqualTo(1);      // part of a word
        assertThat(search(u -> u.queryParam("q", "\"lithium AND (")).at("/total/value").asLong()).isEqualTo(1); // stray syntax is text
        api.post().uri("/api/v1/achievements/{id}/withdrawal", id).header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isOk();
        eventually(Duration.ofSeconds(20), () -> assertThat(search(u -> u).at("/total/value").asLong()).isZero());
    }

    @Test
    void synonymsWorkAcrossLanguages() {
        publish(b -> {
            b.set("title", JSON.createObjectNode().put("zh", "人工智能辅助的焊缝缺陷识别"));
            b.set("summary", JSON.createObjectNode().put("zh", "用于钢结构焊缝的自动检测。"));
            b.set("keywords", JSON.createArrayNode().add("焊缝"));
        });
        JsonNode hit = eventuallyFind(u -> u.queryParam("q", "artificial intelligence"), 1);
        assertThat(hit.at("/items/0/title/zh").asString()).startsWith("人工智能");
        assertThat(search(u -> u.queryParam("q", "AI")).at("/total/value").asLong()).isEqualTo(1);
    }

    @Test
    void facetsCountUnderTheOtherFiltersAndCursorPagingVisitsEveryHitOnce() {
        publish(b -> b.put("field", "NEW_ENERGY").put("trl", 3));
        publish(b -> b.put("field", "NEW_ENERGY").put("trl", 7));
        publish(b -> b.put("field", "NEW_MATERIALS").put("trl", 7).put("region", "320100"));
        publish(b -> b.put("field", "AEROSPACE").put("trl", 9).remove("offer"));
        publish(b -> b.put("field", "AEROSPACE").put("trl", 5).put("region", "320500"));
        eventuallyFind(u -> u, 5);
        JsonNode energy = search(u -> u.queryParam("field", "NEW_ENERGY"));
        assertThat(energy.at("/total/value").asLong()).isEqualTo(2);
        assertThat(buckets(energy, "field")).containsEntry("NEW_ENERGY", 2L).containsEntry("AEROSPACE", 2L).containsEntry("NEW_MATERIALS", 1L);
        assertThat(buckets(energy, "trl")).containsOnly(Map.entry("3", 1L), Map.entry("7", 1L));
        JsonNode twoFields = search(u -> u.queryParam("field", "NEW_ENERGY", "AEROSPACE").queryParam("trlMin", 5));
        assertThat(twoFields.at("/total/value").asLong()).isEqualTo(3);
        assertThat(search(u -> u.queryParam("region", "320000")).at("/total/value").asLong()).isEqualTo(2); // province finds its cities
        JsonNode byPrice = search(u -> u.queryParam("sort", "price"));
        assertThat(byPrice.at("/items/4/askingPrice").isMissingNode()).isTrue(); // unpriced last
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        do {
            String c = cursor;
            JsonNode page = search(u -> { u.queryParam("size", 2); if (c != null) u.queryParam("cursor", c); return u; });
            page.get("items").forEach(i -> order.add(i.get("id").asString()));
            page.get("items").forEach(i -> seen.add(i.get("id").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(order).hasSize(5).doesNotHaveDuplicates();
        assertThat(seen).hasSize(5);
    }

    @Test
    void aPublishedValuationsPriceHintAppearsInSearchResults() {
        String id = publish(b -> { });
        JsonNode valuation = api.post().uri("/api/v1/achievements/{id}/valuations", id).header(HttpHeaders.AUTHORIZATION, owner)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"methods\":{\"incomeDcf\":{\"discountRate\":\"0.12\",\"cashFlows\":[\"100000.00\",\"200000.00\"]}}}")
            .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        api.post().uri("/api/v1/valuations/{v}/publication", valuation.get("id").asString()).header(HttpHeaders.AUTHORIZATION, owner)
            .exchange().expectStatus().isOk();
        eventually(Duration.ofSeconds(20), () -> {
            JsonNode hit = search(u -> u);
            assertThat(hit.at("/items/0/priceHint/low").asString()).isEqualTo(valuation.at("/recommended/low").asString());
            assertThat(hit.at("/items/0/priceHint/high").asString()).isEqualTo(valuation.at("/recommended/high").asString());
        });
    }

    @Test
    void badParametersAre400NeverAnEngineError() {
        for (Function<UriBuilder, UriBuilder> bad : List.<Function<UriBuilder, UriBuilder>>of(
                u -> u.queryParam("q", "x".repeat(10_000)), u -> u.queryParam("size", 0), u -> u.queryParam("size", 101),
                u -> u.queryParam("size", -3), u -> u.queryParam("sort", "popularity"), u -> u.queryParam("trlMin", "high"),
                u -> u.queryParam("field", "ROCKETS"), u -> u.queryParam("priceMin", "1,000"), u -> u.queryParam("cursor", "%%%"),
                u -> u.queryParam("region", "33"))) {
            api.get().uri(u -> bad.apply(u.path("/api/v1/search/achievements")).build()).header(HttpHeaders.AUTHORIZATION, bearer("enterprise"))
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation-failed").jsonPath("$.errors[0].field").exists();
        }
    }

    private String publish(Consumer<ObjectNode> change) {
        ObjectNode body = io.ttx.catalogue.CatalogueTestSteps.body();
        ((ArrayNode) body.get("patents").get(0).get("coOwners")).removeAll();
        change.accept(body);
        JsonNode created = api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, owner)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body)).exchange()
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = created.get("id").asString();
        api.post().uri("/api/v1/achievements/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isOk();
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer("broker"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
        return id;
    }

    private JsonNode search(Function<UriBuilder, UriBuilder> params) {
        return api.get().uri(u -> params.apply(u.path("/api/v1/search/achievements").queryParam("owner", org)).build())
            .header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }


    private JsonNode eventuallyFind(Function<UriBuilder, UriBuilder> params, long expected) {
        JsonNode[] last = new JsonNode[1];
        eventually(Duration.ofSeconds(20), () -> {
            last[0] = search(params);
            assertThat(last[0].at("/total/value").asLong()).isEqualTo(expected);
        });
        return last[0];
    }

    private static Map<String, Long> buckets(JsonNode result, String facet) {
        Map<String, Long> out = new java.util.HashMap<>();
        result.at("/facets/" + facet).forEach(b -> out.put(b.get("key").asString(), b.get("count").asLong()));
        return out;
    }

}
