package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.core.explain.Explanation;
import co.elastic.clients.elasticsearch.core.explain.ExplanationDetail;
import io.ttx.search.Match;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatchReasonsTests {

    private static ExplanationDetail weight(String field, String term, float value) {
        return ExplanationDetail.of(d -> d.description("weight(" + field + ":" + term + " in 17) [PerFieldSimilarity], result of:").value(value)
            .details(ExplanationDetail.of(x -> x.description("score(freq=1.0), computed as boost * idf * tf from:").value(value))));
    }

    @Test
    void termsComeStrongestFirstAndFieldsAreNamedAsTheListingNamesThem() {
        Explanation e = Explanation.of(x -> x.description("sum of:").value(9f).details(
            ExplanationDetail.of(d -> d.description("sum of:").value(7f).details(
                weight("title.zh", "电池", 1.5f), weight("keywords", "钒液流", 4f), weight("summary.en", "batteri", 1f),
                weight("title.zh.cjk", "液流", 0.5f))),
            weight("field", "NEW_ENERGY", 2f),
            weight("regionPath", "330000", 1f)));
        Match.Reason r = MatchReasons.of(e, "Vanadium flow batteries for storage");
        assertThat(r.matchedTerms()).containsExactly("钒液流", "电池", "batteries", "液流");
        assertThat(r.fields()).containsExactly("title", "keywords", "summary", "field", "region");
    }

    @Test
    void aTermThatAppearsInSeveralFieldsAddsUpAndIsShownOnce() {
        Explanation e = Explanation.of(x -> x.description("sum of:").value(5f).details(
            weight("title.en", "cathod", 1f), weight("summary.en", "cathod", 1.5f), weight("title.zh", "正极", 2f)));
        Match.Reason r = MatchReasons.of(e, "Nickel-rich cathode");
        assertThat(r.matchedTerms()).containsExactly("cathode", "正极");
    }

    @Test
    void stemsWithoutASurfaceWordStayAsTheyAreAndAtMostTenTermsAreShown() {
        assertThat(MatchReasons.surface("electrolyt", List.of("electrolyte", "electrolytes"))).isEqualTo("electrolyte");
        assertThat(MatchReasons.surface("energi", List.of("energy"))).isEqualTo("energy");
        assertThat(MatchReasons.surface("zqxyz", List.of("other"))).isEqualTo("zqxyz");
        assertThat(MatchReasons.surface("锂电池", List.of("lithium"))).isEqualTo("锂电池");
        ExplanationDetail[] many = new ExplanationDetail[14];
        for (int i = 0; i < many.length; i++) many[i] = weight("title.en", "term" + (char) ('a' + i), i + 1f);
        Explanation e = Explanation.of(x -> x.description("sum of:").value(1f).details(List.of(many)));
        assertThat(MatchReasons.of(e, "").matchedTerms()).hasSize(MatchReasons.MAX_TERMS).startsWith("termn");
        assertThat(MatchReasons.listingField("docText.en")).isEqualTo("documents");
    }
}
