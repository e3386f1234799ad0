package io.ttx.search;

import io.ttx.search.elastic.AchievementSearchEngine;
import io.ttx.search.web.SearchParams;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Set;

/**
 * Achievement search for other capabilities (module API): saved-search alerts check a saved query under exactly the
 * rules of {@code GET /api/v1/search/achievements}, and run it against newly published achievements. Going through
 * here keeps the parameter rules and the Elasticsearch queries search's own business.
 */
@Service
public class AchievementSearch {
    private final AchievementSearchEngine engine;
    private final SearchProperties props;

    AchievementSearch(AchievementSearchEngine engine, SearchProperties props) {
        this.engine = engine;
        this.props = props;
    }

    /**
     * The query these search request parameters make, under the search endpoint's rules; throws
     * {@code MalformedInput} (400) listing every bad parameter by its name, as the endpoint answers.
     */
    public SearchQuery parse(MultiValueMap<String, String> parameters) {
        return SearchParams.parse(parameters, props.maxQueryLength());
    }

    /** Makes everything indexed so far searchable now: call once before a round of {@link #matchingIds}. */
    public Mono<Void> refresh() {
        return engine.refresh();
    }

    /**
     * Which of these achievements the query matches now (its filters included, paging ignored): how a saved search is
     * run against newly published records, as the dev node has no percolator.
     */
    public Mono<Set<String>> matchingIds(SearchQuery query, Collection<String> ids) {
        return engine.matchingIds(query, ids);
    }
}
