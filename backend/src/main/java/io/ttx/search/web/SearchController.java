package io.ttx.search.web;

import io.ttx.search.SearchProperties;
import io.ttx.search.SearchResult;
import io.ttx.search.Suggestion;
import io.ttx.search.elastic.AchievementSearchEngine;
import io.ttx.search.elastic.SuggestionEngine;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class SearchController {
    private final AchievementSearchEngine engine;
    private final SuggestionEngine suggestions;
    private final SearchProperties props;

    SearchController(AchievementSearchEngine engine, SuggestionEngine suggestions, SearchProperties props) {
        this.engine = engine;
        this.suggestions = suggestions;
        this.props = props;
    }

    /** Published, unexpired achievements: bilingual full text, facets, highlights, cursor paging. */
    @GetMapping(path = "/api/v1/search/achievements", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<SearchResult> achievements(@RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> SearchParams.parse(params, props.maxQueryLength())).flatMap(engine::search);
    }

    /** As-you-type completions from titles and keywords, Chinese or English. */
    @GetMapping(path = "/api/v1/search/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Suggestion.Page> suggestions(@RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> SearchParams.prefix(params))
            .flatMap(p -> suggestions.suggest(p.text(), p.size())).map(Suggestion.Page::new);
    }
}
