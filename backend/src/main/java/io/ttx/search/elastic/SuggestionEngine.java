package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.ttx.search.Suggestion;
import io.ttx.shared.stores.Async;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Completions from published achievements' titles and keywords. Chinese: a title that starts with the typed
 * characters, or (two characters or more) contains them; English: every typed word is the start of a title word
 * ("lith batt" finds "Lithium battery ..."); keywords that start with the text. Keywords come first (short, they
 * start a search), then titles in relevance order; at most {@code size} in all.
 */
@Component
public class SuggestionEngine {
    private static final int KEYWORDS_FIRST = 4;
    private final ElasticsearchAsyncClient es;
    private final AchievementIndex index;

    SuggestionEngine(ElasticsearchAsyncClient es, AchievementIndex index) {
        this.es = es;
        this.index = index;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public Mono<List<Suggestion>> suggest(String prefix, int size) {
        boolean chinese = prefix.codePoints().anyMatch(SuggestionEngine::isCjk);
        long cjkChars = prefix.codePoints().filter(SuggestionEngine::isCjk).count();
        Query query = Query.of(q -> q.bool(b -> {
            b.should(s -> s.match(m -> m.field("title.zh.prefix").query(prefix).boost(3f).queryName("title")));
            b.should(s -> s.match(m -> m.field("title.en.prefix").query(prefix).operator(Operator.And).boost(2f).queryName("title")));
            b.should(s -> s.match(m -> m.field("keywords.prefix").query(prefix).boost(2f).queryName("keyword")));
            if (cjkChars >= 2) b.should(s -> s.matchPhrase(m -> m.field("title.zh.cjk").query(prefix).queryName("title")));
            b.minimumShouldMatch("1");
            b.filter(f -> f.range(r -> r.untyped(u -> u.field("expiresAt").gte(JsonData.of(MatchEngine.LIVE)))));
            return b;
        }));
        return index.ready().then(Async.mono(() -> es.search(s -> s.index(index.alias()).query(query).size(Math.max(size * 2, 10))
                .source(src -> src.filter(f -> f.includes("title", "keywords"))), Map.class)))
            .map(r -> pick(((SearchResponse<Map<String, Object>>) (SearchResponse) r).hits().hits(), prefix, chinese, size));
    }

    @SuppressWarnings("unchecked")
    static List<Suggestion> pick(List<Hit<Map<String, Object>>> hits, String prefix, boolean chinese, int size) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        Map<String, Suggestion> keywords = new LinkedHashMap<>();
        Map<String, Suggestion> titles = new LinkedHashMap<>();
        for (Hit<Map<String, Object>> h : hits) {
            Map<String, Object> s = h.source();
            if (h.matchedQueries().containsKey("keyword") && s.get("keywords") instanceof List<?> kws) {
                for (Object k : kws) {
                    String kw = String.valueOf(k);
                    if (kw.toLowerCase(Locale.ROOT).startsWith(lower)) keywords.putIfAbsent(kw.toLowerCase(Locale.ROOT), new Suggestion(kw, Suggestion.Type.keyword, null));
                }
            }
            if (h.matchedQueries().containsKey("title")) {
                Map<String, Object> t = s.get("title") instanceof Map ? (Map<String, Object>) s.get("title") : Map.of();
                Object text = chinese ? t.getOrDefault("zh", t.get("en")) : t.getOrDefault("en", t.get("zh"));
                if (text != null) titles.putIfAbsent(text.toString(), new Suggestion(text.toString(), Suggestion.Type.title, h.id()));
            }
        }
        List<Suggestion> out = new ArrayList<>(keywords.values().stream().limit(KEYWORDS_FIRST).toList());
        titles.values().stream().limit(size - out.size()).forEach(out::add);
        keywords.values().stream().skip(KEYWORDS_FIRST).limit(Math.max(0, size - out.size())).forEach(out::add);
        return out;
    }

    private static boolean isCjk(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
