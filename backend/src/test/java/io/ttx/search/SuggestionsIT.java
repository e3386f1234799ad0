package io.ttx.search;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ttx.search.SearchSteps.words;
import static org.assertj.core.api.Assertions.assertThat;

/** As-you-type suggestions from titles and keywords, Chinese and English prefixes, over the real index. */
class SuggestionsIT extends IntegrationTest {
    private final String owner = "Bearer " + Tokens.custom("suggest-owner", List.of("tto"), TestOrgs.university(), "330100");

    @Test
    void chineseAndEnglishPrefixesCompleteTitlesAndKeywords() {
        String word = SearchSteps.nonce();
        String id = SearchSteps.publishAchievement(api, owner, bearer("broker"), b -> {
            b.set("title", SearchSteps.texts(word + "石墨烯导热膜连续化制备工艺", word + " Continuous production of graphene thermal films"));
            b.set("keywords", words(word + "导热膜", "graphene"));
        });
        eventually(Duration.ofSeconds(20), () -> assertThat(textsOf(suggest(word + "石墨"))).contains(word + "石墨烯导热膜连续化制备工艺"));
        JsonNode zh = suggest(word + "石墨");
        assertThat(zh.at("/items/0/type").asString()).isEqualTo("title");
        assertThat(zh.at("/items/0/id").asString()).isEqualTo(id);
        // English: every typed word starts a word of the title, the last one possibly unfinished
        assertThat(textsOf(suggest(word + " continuous prod"))).contains(word + " Continuous production of graphene thermal films");
        assertThat(textsOf(suggest(word.toUpperCase() + " GRAPH"))).contains(word + " Continuous production of graphene thermal films");
        // a keyword that starts with the text comes first, without an id
        JsonNode kw = suggest(word + "导");
        assertThat(kw.at("/items/0/text").asString()).isEqualTo(word + "导热膜");
        assertThat(kw.at("/items/0/type").asString()).isEqualTo("keyword");
        assertThat(kw.at("/items/0/id").isMissingNode()).isTrue();
        assertThat(textsOf(suggest(word + "x"))).isEmpty();
    }

    @Test
    void atMostTenSuggestionsComeBack() {
        String word = SearchSteps.nonce();
        for (int i = 0; i < 12; i++) {
            int n = i;
            SearchSteps.publishAchievement(api, owner, bearer("broker"), b -> b.set("title", SearchSteps.texts(word + "传感器第" + n + "代", word + " sensor generation " + n)));
        }
        eventually(Duration.ofSeconds(30), () -> assertThat(suggest(word).get("items")).hasSize(10));
        assertThat(api.get().uri(u -> u.path("/api/v1/search/suggestions").queryParam("prefix", word).queryParam("size", 3).build())
            .header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
            .getResponseBody().get("items")).hasSize(3);
    }

    @Test
    void badPrefixesAre400() {
        List<Map<String, String>> bad = List.of(Map.of(), Map.of("prefix", ""), Map.of("prefix", "   "), Map.of("prefix", "a".repeat(51)),
            Map.of("prefix", "ab", "size", "11"), Map.of("prefix", "ab", "size", "x"));
        for (Map<String, String> params : bad) {
            api.get().uri(u -> {
                u.path("/api/v1/search/suggestions");
                params.forEach(u::queryParam);
                return u.build();
            }).header(HttpHeaders.AUTHORIZATION, owner).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation-failed");
        }
        api.get().uri("/api/v1/search/suggestions?prefix=ab").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode suggest(String prefix) {
        return api.get().uri(u -> u.path("/api/v1/search/suggestions").queryParam("prefix", prefix).build())
            .header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> textsOf(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("text").asString()));
        return out;
    }
}
