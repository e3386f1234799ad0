package io.ttx.search.elastic;

import io.ttx.catalogue.LocalizedText;
import io.ttx.search.SearchQuery;
import io.ttx.search.SearchResult;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When the page of hits and the counts (two searches) disagree, the search is asked again. */
class SearchConsistencyTests {
    @Test
    void aFirstPageHoldsAsManyHitsAsTheTotalAllows() {
        assertThat(AchievementSearchEngine.consistent(result(1, 1), query(20, null))).isTrue();
        assertThat(AchievementSearchEngine.consistent(result(20, 500), query(20, null))).isTrue();
        assertThat(AchievementSearchEngine.consistent(result(0, 0), query(20, null))).isTrue();
        // a refresh between the two searches: the counts saw a record the page did not, or the other way round
        assertThat(AchievementSearchEngine.consistent(result(0, 1), query(20, null))).isFalse();
        assertThat(AchievementSearchEngine.consistent(result(2, 1), query(20, null))).isFalse();
        assertThat(AchievementSearchEngine.consistent(result(19, 500), query(20, null))).isFalse();
    }

    @Test
    void aLaterPageCannotBeChecked() {
        assertThat(AchievementSearchEngine.consistent(result(3, 500), query(20, "c2NvcmU"))).isTrue();
    }

    private static SearchQuery query(int size, String cursor) {
        return new SearchQuery("电池", List.of(), List.of(), null, null, List.of(), List.of(), List.of(), null, null, null,
            SearchQuery.Sort.RELEVANCE, cursor, size);
    }

    private static SearchResult result(int items, long total) {
        SearchResult.Item item = new SearchResult.Item("ach_1", new LocalizedText("电池", null), new LocalizedText("", null), "NEW_ENERGY", 5,
            "330100", "org", Map.of(), 1.0, null, null);
        return new SearchResult(new SearchResult.Total(total, "eq"), Collections.nCopies(items, item), Map.of(), null);
    }
}
