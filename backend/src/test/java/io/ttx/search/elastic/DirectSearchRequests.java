package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import io.ttx.search.SearchProperties;
import io.ttx.search.SearchQuery;
import io.ttx.shared.stores.BackgroundElasticsearch;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exact Elasticsearch request the search API sends for a query, without Spring or a connection: built by
 * {@link AchievementSearchEngine#request} and serialised with the client's own JSON mapper. Used by
 * scripts/bench/search (io.ttx.bench.SearchBench) to send the same search straight to Elasticsearch. Not a test.
 */
public final class DirectSearchRequests {
    private final AchievementSearchEngine engine;
    private final Jackson3JsonpMapper mapper = new Jackson3JsonpMapper();

    public DirectSearchRequests() {
        SearchProperties defaults = new SearchProperties(null, null, null, 0, 0, -1, 0, null);
        // neither object touches the client until a search runs: request() only builds
        AchievementIndex index = new AchievementIndex(new BackgroundElasticsearch(null), defaults, JsonMapper.builder().build());
        this.engine = new AchievementSearchEngine(null, index);
    }

    /** Path and query string the client uses, e.g. {@code /achievements/_search?typed_keys=true}. */
    public String pathAndQuery(SearchQuery q) {
        SearchRequest r = engine.request(q);
        Map<String, String> params = SearchRequest._ENDPOINT.queryParameters(r);
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return SearchRequest._ENDPOINT.requestUrl(r) + (query.isEmpty() ? "" : "?" + query);
    }

    /** The HTTP method the client uses (POST). */
    public String method(SearchQuery q) {
        return SearchRequest._ENDPOINT.method(engine.request(q));
    }

    /** The request body, as the client serialises it. */
    public String body(SearchQuery q) {
        return JsonpUtils.toJsonString(engine.request(q), mapper);
    }
}
