package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SearchRequestBody;
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
    /** The count of records that pass every facet filter: the total when the caller restricted a facet. */
    private static final String MATCHED = "matched";
    /** Highlighted fields and their fragment size (0: the whole field, one fragment). */
    private static final Map<String, Integer> HIGHLIGHTS = orderedHighlights();
    static final List<String> RESULT_FIELDS = List.of("title", "summary", "field", "trl", "region", "ownerOrg", "priceHint", "priceFen");
    private final ElasticsearchAsyncClient es;
    private final AchievementIndex index;

    AchievementSearchEngine(ElasticsearchAsyncClient es, AchievementIndex index) {
        this.es = es;
        this.index = index;
    }

    /**
     * Runs the search. Its two searches each see the index as of their own start: when a refresh falls between them,
     * the page and the counts disagree (a first page with one hit less or more than the total says). Such an answer
     * is asked again, at most twice; the refresh is over by then, so the second answer agrees.
     */
    public Mono<SearchResult> search(SearchQuery q) {
        return index.ready().then(agreeing(q, 2));
    }

    private Mono<SearchResult> agreeing(SearchQuery q, int retries) {
        return once(q).flatMap(r -> retries == 0 || consistent(r, q) ? Mono.just(r) : agreeing(q, retries - 1));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Mono<SearchResult> once(SearchQuery q) {
        return Async.mono(() -> es.msearch(request(q), Map.class)).map(r -> result((MsearchResponse<Map<String, Object>>) (MsearchResponse) r, q));
    }

    /** A first page holds as many hits as the total allows; a later page (after a cursor) cannot be checked. */
    static boolean consistent(SearchResult r, SearchQuery q) {
        return q.cursor() != null || r.items().size() == Math.min(r.total().value(), q.size());
    }

    /** Makes everything indexed so far searchable now (instead of within the refresh interval). */
    public Mono<Void> refresh() {
        return index.ready().then(index.refresh(index.alias()));
    }

    /**
     * The Elasticsearch request for a query, public so the benchmark can send exactly the same request directly: two
     * searches in one {@code _msearch}. The page of hits counts nothing and computes no facets, so Lucene scores only
     * the records that can still enter the top of the page (block-max WAND) instead of every match; the counts (total
     * and facets) score nothing, so they iterate the matches without scoring them. Both see the same records.
     */
    public MsearchRequest request(SearchQuery q) {
        Map<String, Query> facetFilters = QueryBuilder.facetFilters(q);
        return MsearchRequest.of(m -> m
            .searches(RequestItem.of(i -> i.header(h -> h.index(index.alias())).body(hits(q, facetFilters.values()))))
            .searches(RequestItem.of(i -> i.header(h -> h.index(index.alias())).body(counts(q, facetFilters)))));
    }

    private static SearchRequestBody hits(SearchQuery q, Collection<Query> facetFilters) {
        return SearchRequestBody.of(s -> {
            s.query(QueryBuilder.hits(q, facetFilters)).size(q.size()).trackTotalHits(t -> t.enabled(false)).sort(sort(q.sort()))
                .source(src -> src.filter(f -> f.includes(RESULT_FIELDS)));
            List<NamedValue<HighlightField>> highlights = highlights(q.text());
            if (!highlights.isEmpty()) s.highlight(h -> h.preTags("<em>").postTags("</em>").fields(highlights));
            if (q.cursor() != null) s.searchAfter(Cursors.values(q.cursor()).stream().map(AchievementSearchEngine::sortValue).toList());
            return s;
        });
    }

    /**
     * Title and summary highlighted, each field with its own match query of the text: the highlighter builds the given
     * query's weight for every hit, and the whole multi-field query made it look up every term in all twelve fields,
     * for each of the page's hits, the largest part of a search's cost. With {@code require_field_match} (the
     * default) only the field's own terms were highlighted anyway, so the output is the same. No text, no highlights.
     */
    private static List<NamedValue<HighlightField>> highlights(String text) {
        if (text.isBlank()) return List.of();
        List<NamedValue<HighlightField>> out = new ArrayList<>();
        HIGHLIGHTS.forEach((field, fragmentSize) -> {
            Query own = Query.of(b -> b.match(m -> m.field(field).query(text)));
            out.add(NamedValue.of(field, HighlightField.of(f -> {
                f.highlightQuery(own).numberOfFragments(fragmentSize == 0 ? 0 : 2);
                return fragmentSize == 0 ? f : f.fragmentSize(fragmentSize);
            })));
        });
        return out;
    }

    /** No hits: the exact total (of the records passing every facet filter: {@code matched}) and each facet's counts. */
    private static SearchRequestBody counts(SearchQuery q, Map<String, Query> facetFilters) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        QueryBuilder.FACETS.forEach((name, field) -> aggs.put(name, Aggregation.of(a -> a.filter(QueryBuilder.allBut(facetFilters, name))
            .aggregations("values", v -> v.terms(t -> t.field(field).size(name.equals("region") ? 50 : 20))))));
        if (!facetFilters.isEmpty()) aggs.put(MATCHED, Aggregation.of(a -> a.filter(QueryBuilder.allBut(facetFilters, ""))));
        return SearchRequestBody.of(s -> s.query(QueryBuilder.counted(q)).size(0).trackTotalHits(t -> t.enabled(true)).aggregations(aggs));
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
        Query query = QueryBuilder.hits(q, filters);
        return index.ready()
            .then(Async.mono(() -> es.search(s -> s.index(index.alias()).query(query).size(ids.size()).source(src -> src.fetch(false)), Void.class)))
            .map(r -> {
                Set<String> out = new LinkedHashSet<>();
                r.hits().hits().forEach(h -> out.add(h.id()));
                return out;
            });
    }

    private static Map<String, Integer> orderedHighlights() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("title.zh", 0);
        out.put("title.en", 0);
        out.put("summary.zh", 120);
        out.put("summary.en", 160);
        return out;
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

    private static SearchResult result(MsearchResponse<Map<String, Object>> r, SearchQuery q) {
        MultiSearchItem<Map<String, Object>> page = item(r, 0);
        MultiSearchItem<Map<String, Object>> counts = item(r, 1);
        List<SearchResult.Item> items = new ArrayList<>();
        for (Hit<Map<String, Object>> h : page.hits().hits()) items.add(item(h, q.sort() == SearchQuery.Sort.RELEVANCE));
        Map<String, List<SearchResult.Bucket>> facets = new LinkedHashMap<>();
        for (String name : QueryBuilder.FACETS.keySet()) {
            var terms = counts.aggregations().get(name).filter().aggregations().get("values");
            List<SearchResult.Bucket> buckets = new ArrayList<>();
            if (terms.isSterms()) for (StringTermsBucket b : terms.sterms().buckets().array()) buckets.add(new SearchResult.Bucket(b.key().stringValue(), b.docCount()));
            if (terms.isLterms()) terms.lterms().buckets().array().forEach(b -> buckets.add(new SearchResult.Bucket(String.valueOf(b.key()), b.docCount())));
            facets.put(name, buckets);
        }
        Aggregate matched = counts.aggregations().get(MATCHED);
        var total = counts.hits().total();
        long value = matched != null ? matched.filter().docCount() : total == null ? 0 : total.value();
        List<Hit<Map<String, Object>>> hits = page.hits().hits();
        String next = hits.size() == q.size() ? Cursors.ofValues(hits.getLast().sort().stream().map(AchievementSearchEngine::plain).toList()) : null;
        return new SearchResult(new SearchResult.Total(value, "eq"), items, facets, next);
    }

    /** One search's answer, or its error as the single search would have raised it. */
    private static MultiSearchItem<Map<String, Object>> item(MsearchResponse<Map<String, Object>> r, int i) {
        MultiSearchResponseItem<Map<String, Object>> item = r.responses().get(i);
        if (item.isFailure()) throw new ElasticsearchException("msearch", item.failure());
        return item.result();
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
