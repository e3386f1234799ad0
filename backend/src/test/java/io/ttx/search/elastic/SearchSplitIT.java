package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.util.NamedValue;
import io.ttx.demodata.DemoCatalogue;
import io.ttx.demodata.Topic;
import io.ttx.search.SearchQuery;
import io.ttx.search.SearchResult;
import io.ttx.search.web.SearchParams;
import io.ttx.shared.stores.Async;
import io.ttx.testsupport.DemoCatalogueFixture;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the search runs as two searches (a page of hits that counts nothing, and counts that score nothing)
 * instead of one that scored and counted every match. This runs the benchmark's kind of queries over the demo
 * catalogue both ways, the engine's and the single search it replaced (written out below as it was, highlighting with
 * the whole query), and requires the same answer: the same records in the same order with the same scores and
 * highlights, the same total, the same facet counts, and the same second page.
 */
class SearchSplitIT extends IntegrationTest {
    @Autowired
    AchievementSearchEngine engine;
    @Autowired
    AchievementIndex index;
    @Autowired
    ElasticsearchAsyncClient es;

    /** What a search answers, in a form both ways can produce. */
    record Answer(List<String> ids, List<Double> scores, List<Map<String, List<String>>> highlights, long total,
                  Map<String, List<SearchResult.Bucket>> facets) { }

    @Test
    void theSplitSearchAnswersExactlyAsTheSingleSearchDid() {
        List<String> demo = List.copyOf(DemoCatalogueFixture.load(api).idsByIndex().values());
        eventually(Duration.ofMinutes(3), () -> assertThat(indexed(demo)).isEqualTo(DemoCatalogue.ACHIEVEMENT_COUNT));
        List<String> secondPages = new ArrayList<>();
        for (String params : queries()) {
            // other tests' records may still be arriving in the shared index: both ways are asked again until they agree
            eventually(Duration.ofSeconds(20), () -> {
                SearchQuery q = parse(params, null);
                SearchResult split = engine.search(q).block();
                assertThat(answer(split)).as(params).isEqualTo(single(q));
                if (split.nextCursor() == null) return;
                SearchQuery second = parse(params, split.nextCursor());
                assertThat(answer(engine.search(second).block())).as(params + " (second page)").isEqualTo(single(second));
                if (!secondPages.contains(params)) secondPages.add(params);
            });
        }
        assertThat(secondPages).as("queries whose second page was compared").hasSizeGreaterThan(queries().size() / 2);
    }

    /** The benchmark's mix (scripts/bench/search) over the demo topics: text in either language, facet filters, sorts. */
    private static List<String> queries() {
        List<String> out = new ArrayList<>();
        List<Topic> topics = DemoCatalogue.topics();
        String[] regions = {"110000", "310000", "320000", "330000", "440000", "510000", "420000", "370000"};
        for (int f = 0; f < 8; f++) {
            Topic t = topics.get(f * 6 + (f % 3));
            String field = t.field().name();
            out.add("q=" + t.keywords().get(0).zh());
            out.add("q=" + t.keywords().get(1).en());
            out.add("q=" + t.subject().zh() + "&field=" + field);
            out.add("q=" + t.subject().en() + "&trlMin=4&region=" + regions[f] + "&transferMode=EXCLUSIVE_LICENCE,ASSIGNMENT");
            out.add("q=" + t.keywords().get(2).zh() + " " + t.keywords().get(3).en() + "&field=" + field
                + (f % 2 == 0 ? "&sort=newest" : "&sort=price&priceMax=5000000"));
        }
        out.add("field=NEW_ENERGY&sort=newest");
        out.add("region=330000&trlMin=7&sort=newest");
        out.add("q=电池&size=5");
        out.add("");
        return out;
    }

    private static SearchQuery parse(String params, String cursor) {
        MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        for (String kv : params.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) map.add(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (!map.containsKey("size")) map.add("size", "10");
        if (cursor != null) map.add("cursor", cursor);
        return SearchParams.parse(map, 256);
    }

    private static Answer answer(SearchResult r) {
        assertThat(r.total().relation()).isEqualTo("eq");
        return new Answer(r.items().stream().map(SearchResult.Item::id).toList(), r.items().stream().map(SearchResult.Item::score).toList(),
            r.items().stream().map(SearchResult.Item::highlights).toList(), r.total().value(), r.facets());
    }

    /** The request before issue 16: one search, facet filters as post-filter, aggregations beside the hits. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Answer single(SearchQuery q) {
        var facetFilters = QueryBuilder.facetFilters(q);
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        QueryBuilder.FACETS.forEach((name, field) -> aggs.put(name, Aggregation.of(a -> a.filter(QueryBuilder.allBut(facetFilters, name))
            .aggregations("values", v -> v.terms(t -> t.field(field).size(name.equals("region") ? 50 : 20))))));
        var body = engine.request(q).searches().getFirst().body(); // the page's sort and cursor, exactly as sent
        SearchRequest request = SearchRequest.of(s -> {
            s.index(index.alias()).query(QueryBuilder.hits(q, List.of())).size(q.size()).trackTotalHits(t -> t.count(10_000))
                .sort(body.sort()).aggregations(aggs)
                .highlight(h -> h.preTags("<em>").postTags("</em>").fields(List.of(
                    NamedValue.of("title.zh", HighlightField.of(f -> f.numberOfFragments(0))),
                    NamedValue.of("title.en", HighlightField.of(f -> f.numberOfFragments(0))),
                    NamedValue.of("summary.zh", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(2))),
                    NamedValue.of("summary.en", HighlightField.of(f -> f.fragmentSize(160).numberOfFragments(2))))));
            if (!facetFilters.isEmpty()) s.postFilter(p -> p.bool(b -> b.filter(new ArrayList<>(facetFilters.values()))));
            if (body.searchAfter() != null && !body.searchAfter().isEmpty()) s.searchAfter(body.searchAfter());
            return s;
        });
        SearchResponse<Map<String, Object>> r = (SearchResponse) Async.mono(() -> es.search(request, Map.class)).block();
        assertThat(r.hits().total().relation()).isEqualTo(TotalHitsRelation.Eq);
        Map<String, List<SearchResult.Bucket>> facets = new LinkedHashMap<>();
        for (String name : List.of("field", "ipcSection", "trl", "region", "transferMode", "tradeMethod")) {
            var terms = r.aggregations().get(name).filter().aggregations().get("values");
            List<SearchResult.Bucket> buckets = new ArrayList<>();
            if (terms.isSterms()) terms.sterms().buckets().array().forEach(b -> buckets.add(new SearchResult.Bucket(b.key().stringValue(), b.docCount())));
            if (terms.isLterms()) terms.lterms().buckets().array().forEach(b -> buckets.add(new SearchResult.Bucket(String.valueOf(b.key()), b.docCount())));
            facets.put(name, buckets);
        }
        boolean scored = q.sort() == SearchQuery.Sort.RELEVANCE;
        List<Hit<Map<String, Object>>> hits = r.hits().hits();
        return new Answer(hits.stream().map(Hit::id).toList(),
            hits.stream().map(h -> scored && h.score() != null ? Math.round(h.score() * 1000) / 1000.0 : null).toList(),
            hits.stream().map(Hit::highlight).toList(), r.hits().total().value(), facets);
    }

    private long indexed(List<String> ids) {
        return Async.mono(() -> es.count(c -> c.index(index.alias()).query(b -> b.ids(i -> i.values(ids))))).block().count();
    }
}
