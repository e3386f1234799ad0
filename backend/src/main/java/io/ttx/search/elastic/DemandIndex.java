package io.ttx.search.elastic;

import io.ttx.search.SearchProperties;
import io.ttx.shared.stores.BackgroundElasticsearch;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Published, unexpired technology demands ({@code demands-vN} behind {@code demands}), for matching. */
@Component
public class DemandIndex extends SearchIndex {
    DemandIndex(BackgroundElasticsearch es, SearchProperties props, JsonMapper json) {
        super(es.client(), props, json, props.demandsAlias(), "search/demands-mappings.json");
    }
}
