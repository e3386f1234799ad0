package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.ttx.search.SearchProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Published, unexpired technology demands ({@code demands-vN} behind {@code demands}), for matching. */
@Component
public class DemandIndex extends SearchIndex {
    DemandIndex(ElasticsearchAsyncClient es, SearchProperties props, JsonMapper json) {
        super(es, props, json, props.demandsAlias(), "search/demands-mappings.json");
    }
}
