package io.ttx.search.elastic;

import io.ttx.search.SearchProperties;
import io.ttx.shared.stores.BackgroundElasticsearch;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Published, unexpired achievements ({@code achievements-vN} behind {@code achievements}). */
@Component
public class AchievementIndex extends SearchIndex {
    AchievementIndex(BackgroundElasticsearch es, SearchProperties props, JsonMapper json) {
        super(es.client(), props, json, props.alias(), "search/achievements-mappings.json");
    }
}
