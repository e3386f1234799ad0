package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.util.NamedValue;
import io.ttx.search.SearchQuery;
import io.ttx.search.SearchResult;
import io.ttx.shared.Cny;
import io.ttx.shared.stores.Async;
import io.ttx.shared.web.Cursors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs achievement searches on Elasticsearch and maps hits, highlights and facets to {@link SearchResult}. */
@Component
public class AchievementSearchEngine {
    /** What a result item shows: only these leave Elasticsearch (not body or document text). */
    static final List<String> RESULT_FIELDS = List.of("title", "summary", "field", "trl", "region", "ownerOrg", "priceHint", "priceFen");
    private final ElasticsearchAsyncClient es;
    private final AchievementIndex index;

    AchievementSearchEngine(ElasticsearchAsyncClient es, AchievementIndex index) {
        this.es = es;
        this.index = index;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public Mono<SearchResult> search(SearchQuery q) {
        return index.ready().then(Async.mono(() -> es.search(request(q), Map.class)))
            .map(r -> result((SearchResponse<Map<String, Object>>) (SearchResponse) r, q));
    }

    /** Makes everything indexed so far searchable now (instead of within the refresh interval). */
    public Mono<Void> refresh() {
        return index.ready().then(index.refresh(index.alias()));
    }

    /** The Elasticsearch request for a query: public so the benchmark can send exactly the same request directly. */
    public SearchRequest request(SearchQuery q) {
        Map<String, Query> facetFilters = QueryBuilder.facetFilters(q);
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        QueryBuilder.FACETS.forEach((name, field) -> aggs.put(name, Aggregation.of(a -> a.filter(QueryBuilder.allBut(facetFilters, name))
            .aggregations("values", v -> v.terms(t -> t.field(field).size(name.equals("region") ? 50 : 20))))));
        List<SortOptions> sort = sort(q.sort());
        return SearchRequest.of(s -> {
            s.index(index.alias()).query(QueryBuilder.main(q)).size(q.size()).trackTotalHits(t -> t.count(10_000)).sort(sort)
                .source(src -> src.filter(f -> f.includes(RESULT_FIELDS)))
                .aggregations(aggs)
                .highlight(h -> h.preTags("<em>").postTags("</em>").fields(List.of(
                    NamedValue.of("title.zh", HighlightField.of(f -> f.numberOfFragments(0))),
                    NamedValue.of("title.en", HighlightField.of(f -> f.numberOfFragments(0))),
                    NamedValue.of("summary.zh", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(2))),
                    NamedValue.of("summary.en", HighlightField.of(f -> f.fragmentSize(160).numberOfFragments(2))))));
            if (!facetFilters.isEmpty()) s.postFilter(p -> p.bool(b -> b.filter(new ArrayList<>(facetFilters.values()))));
            if (q.cursor() != null) s.searchAfter(Cursors.values(q.cursor()).stream().map(AchievementSearchEngine::sortValue).toList());
            return s;
        });
    }

    /**
     * Which of these achievements the query matches now (facet filters included, paging ignored): how a saved search is
     * run against newly published records, as the dev node has no percolator. Call {@link #refresh()} once before a
     * round of these so that records indexed a moment ago are visible.
     */
    public Mono<Set<String>> matchingIds(SearchQuery q, Collection<String> ids) {
        if (ids.isEmpty()) return Mono.just(Set.of());
        List<Query> filters = new ArrayList<>(QueryBuilder.facetFilters(q).values());
        filters.add(Query.of(b -> b.ids(i -> i.values(List.copyOf(ids)))));
        Query query = Query.of(b -> b.bool(bool -> bool.must(QueryBuilder.main(q)).filter(filters)));
        return index.ready()
            .then(Async.mono(() -> es.search(s -> s.index(index.alias()).query(query).size(ids.size()).source(src -> src.fetch(false)), Void.class)))
            .map(r -> {
                Set<String> out = new LinkedHashSet<>();
                r.hits().hits().forEach(h -> out.add(h.id()));
                return out;
            });
    }

    private static List<SortOptions> sort(SearchQuery.Sort sort) {
        List<SortOptions> out = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> out.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
            case NEWEST -> out.add(SortOptions.of(s -> s.field(f -> f.field("publishedAt").order(SortOrder.Desc))));
            case PRICE -> out.add(SortOptions.of(s -> s.field(f -> f.field("priceFen").order(SortOrder.Asc).missing("_last"))));
        }
        out.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        return out;
    }

    private static SearchResult result(SearchResponse<Map<String, Object>> r, SearchQuery q) {
        List<SearchResult.Item> items = new ArrayList<>();
        for (Hit<Map<String, Object>> h : r.hits().hits()) items.add(item(h, q.sort() == SearchQuery.Sort.RELEVANCE));
        Map<String, List<SearchResult.Bucket>> facets = new LinkedHashMap<>();
        for (String name : List.of("field", "ipcSection", "trl", "region", "transferMode", "tradeMethod")) {
            var terms = r.aggregations().get(name).filter().aggregations().get("values");
            List<SearchResult.Bucket> buckets = new ArrayList<>();
            if (terms.isSterms()) for (StringTermsBucket b : terms.sterms().buckets().array()) buckets.add(new SearchResult.Bucket(b.key().stringValue(), b.docCount()));
            if (terms.isLterms()) terms.lterms().buckets().array().forEach(b -> buckets.add(new SearchResult.Bucket(String.valueOf(b.key()), b.docCount())));
            facets.put(name, buckets);
        }
        var total = r.hits().total();
        String relation = total != null && total.relation() == TotalHitsRelation.Gte ? "gte" : "eq";
        List<Hit<Map<String, Object>>> hits = r.hits().hits();
        String next = hits.size() == q.size() ? Cursors.ofValues(hits.getLast().sort().stream().map(AchievementSearchEngine::plain).toList()) : null;
        return new SearchResult(new SearchResult.Total(total == null ? hits.size() : total.value(), relation), items, facets, next);
    }

    /** A sort value as the cursor holds it (the sort fields are a score, a date, a price or an id). */
    private static @Nullable Object plain(FieldValue v) {
        return v.isDouble() ? (Object) v.doubleValue() : v.isLong() ? (Object) v.longValue() : v.isString() ? v.stringValue() : null;
    }

    private static FieldValue sortValue(@Nullable Object v) {
        return switch (v) {
            case Double d -> FieldValue.of(d);
            case Long l -> FieldValue.of(l);
            case String s -> FieldValue.of(s);
            case null, default -> FieldValue.NULL;
        };
    }

    @SuppressWarnings("unchecked")
    private static SearchResult.Item item(Hit<Map<String, Object>> h, boolean scored) {
        Map<String, Object> s = h.source();
        Object price = s.get("priceFen");
        return new SearchResult.Item(h.id(), SearchDocuments.localized(s.get("title")), SearchDocuments.localized(s.get("summary")), (String) s.get("field"),
            ((Number) s.get("trl")).intValue(), (String) s.get("region"), (String) s.get("ownerOrg"), h.highlight(),
            scored && h.score() != null ? Math.round(h.score() * 1000) / 1000.0 : null, (Map<String, Object>) s.get("priceHint"),
            price == null ? null : Cny.format(((Number) price).longValue()));
    }


}
