package io.ttx.search.elastic;

import co.elastic.clients.json.JsonData;
import io.ttx.search.SearchProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndexDefinitionTests {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theBodyCarriesSettingsSynonymsMappingsAndItsHash() {
        IndexDefinition d = IndexDefinition.load(json, props(0), "search/achievements-mappings.json");
        JsonNode body = json.readTree(d.json());
        assertThat(body.at("/mappings/_meta/definitionHash").asString()).isEqualTo(d.hash()).hasSize(16);
        assertThat(body.at("/settings/number_of_replicas").asInt()).isZero();
        assertThat(body.at("/settings/analysis/filter/ttx_synonyms/synonyms").size()).isPositive();
        assertThat(body.at("/mappings/dynamic").asString()).isEqualTo("strict");
    }

    @Test
    void anIndexIsKnownAsBuiltFromThisDefinitionOnlyByItsHash() {
        IndexDefinition d = IndexDefinition.load(json, props(0), "search/achievements-mappings.json");
        assertThat(d.built(Map.of("definitionHash", JsonData.of(d.hash())))).isTrue();
        assertThat(d.built(Map.of("definitionHash", JsonData.of("0123456789abcdef")))).isFalse();
        assertThat(d.built(Map.of())).isFalse();
    }

    @Test
    void anotherDefinitionHasAnotherHash() {
        String achievements = IndexDefinition.load(json, props(0), "search/achievements-mappings.json").hash();
        assertThat(IndexDefinition.load(json, props(0), "search/achievements-mappings.json").hash()).isEqualTo(achievements);
        assertThat(IndexDefinition.load(json, props(1), "search/achievements-mappings.json").hash()).isNotEqualTo(achievements);
        assertThat(IndexDefinition.load(json, props(0), "search/demands-mappings.json").hash()).isNotEqualTo(achievements);
    }

    private static SearchProperties props(int replicas) {
        return new SearchProperties(null, null, null, 0, replicas, -1, 0, null);
    }
}
