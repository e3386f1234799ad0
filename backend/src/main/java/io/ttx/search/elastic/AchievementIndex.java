package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.ttx.search.SearchProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Published, unexpired achievements ({@code achievements-vN} behind {@code achievements}). */
@Component
public class AchievementIndex extends SearchIndex {
    AchievementIndex(ElasticsearchAsyncClient es, SearchProperties props, JsonMapper json) {
        super(es, props, json, props.alias(), "search/achievements-mappings.json");
    }
}
