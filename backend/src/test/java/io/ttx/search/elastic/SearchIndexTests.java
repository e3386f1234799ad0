package io.ttx.search.elastic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTests {
    @Test
    void indexGenerationsCountUpFromTheAlias() {
        assertThat(SearchIndex.generation("achievements-v1")).isEqualTo(1);
        assertThat(SearchIndex.generation("achievements-v12")).isEqualTo(12);
        assertThat(SearchIndex.generation("achievements")).isZero();
    }
}
