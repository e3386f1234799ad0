package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import io.ttx.search.SearchProperties;
import io.ttx.search.SearchQuery;
import io.ttx.shared.stores.BackgroundElasticsearch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exact Elasticsearch request the search API sends for a query, without Spring or a connection: built by
 * {@link AchievementSearchEngine#request} and serialised with the client's own JSON mapper (an {@code _msearch}: one
 * header and one body line per search). Used by scripts/bench/search (io.ttx.bench.SearchBench) to send the same search
 * straight to Elasticsearch. Not a test.
 */
public final class DirectSearchRequests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AchievementSearchEngine engine;
    private final Jackson3JsonpMapper mapper = new Jackson3JsonpMapper();

    public DirectSearchRequests() {
        SearchProperties defaults = new SearchProperties(null, null, null, 0, 0, -1, 0, null);
        // neither object touches the client until a search runs: request() only builds
        AchievementIndex index = new AchievementIndex(new BackgroundElasticsearch(null), defaults, JsonMapper.builder().build());
        this.engine = new AchievementSearchEngine(null, index);
    }

    /** Path and query string the client uses, e.g. {@code /_msearch?typed_keys=true}. */
    public String pathAndQuery(SearchQuery q) {
        MsearchRequest r = engine.request(q);
        Map<String, String> params = MsearchRequest._ENDPOINT.queryParameters(r);
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return MsearchRequest._ENDPOINT.requestUrl(r) + (query.isEmpty() ? "" : "?" + query);
    }

    /** The HTTP method the client uses (POST). */
    public String method(SearchQuery q) {
        return MsearchRequest._ENDPOINT.method(engine.request(q));
    }

    /** The request body as the client sends it: newline-delimited JSON, a header and a body line per search. */
    public String body(SearchQuery q) {
        StringBuilder out = new StringBuilder();
        for (RequestItem item : engine.request(q).searches()) {
            out.append(JsonpUtils.toJsonString(item.header(), mapper)).append('\n');
            out.append(JsonpUtils.toJsonString(item.body(), mapper)).append('\n');
        }
        return out.toString();
    }

    /** The total the API reports for Elasticsearch's answer to {@link #body}: the counting search's, as the engine reads it. */
    public static long total(String responseBody) {
        JsonNode counts = JSON.readTree(responseBody).get("responses").get(1);
        JsonNode matched = counts.get("aggregations").get("filter#matched");
        return matched != null ? matched.get("doc_count").asLong() : counts.get("hits").get("total").get("value").asLong();
    }
}
