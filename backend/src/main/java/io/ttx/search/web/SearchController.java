package io.ttx.search.web;

import io.ttx.search.SearchProperties;
import io.ttx.search.SearchResult;
import io.ttx.search.elastic.AchievementSearchEngine;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class SearchController {
    private final AchievementSearchEngine engine;
    private final SearchProperties props;

    SearchController(AchievementSearchEngine engine, SearchProperties props) {
        this.engine = engine;
        this.props = props;
    }

    /** Published, unexpired achievements: bilingual full text, facets, highlights, cursor paging. */
    @GetMapping(path = "/api/v1/search/achievements", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<SearchResult> achievements(@RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> SearchParams.parse(params, props.maxQueryLength())).flatMap(engine::search);
    }
}
