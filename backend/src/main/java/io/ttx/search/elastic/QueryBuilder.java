package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.json.JsonData;
import io.ttx.search.SearchQuery;
import io.ttx.shared.Cny;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Elasticsearch queries for {@link SearchQuery}. The text is matched as plain words (never query syntax, so quotes
 * and operators cannot break it) across both languages' fields, title and keywords weighted above summary, body
 * and document text. Facet filters go in the post-filter, and each facet's counts apply every filter but its own.
 */
final class QueryBuilder {
    static final List<String> TEXT_FIELDS = List.of("title.zh^6", "title.en^6", "title.zh.cjk^2", "keywords^4", "keywords.en^4",
        "summary.zh^2", "summary.en^2", "summary.zh.cjk^0.8", "body", "body.en", "docText^0.3", "docText.en^0.3");
    /**
     * facet name -> indexed field the counts are taken from, in the response's order. Ordered, so every replica sends
     * the same counting request for the same query: Elasticsearch's request cache keys on the request's bytes.
     */
    static final SequencedMap<String, String> FACETS = facets();

    private QueryBuilder() { }

    private static SequencedMap<String, String> facets() {
        SequencedMap<String, String> out = new LinkedHashMap<>();
        for (String name : List.of("field", "ipcSection", "trl", "region", "transferMode", "tradeMethod")) out.put(name, name);
        return Collections.unmodifiableSequencedMap(out);
    }

    /**
     * What a page of hits needs: the text scored, and every filter (live records, price, owner and each facet's) in
     * filter context, so the scores are the text's alone.
     */
    static Query hits(SearchQuery q, Collection<Query> facetFilters) {
        return Query.of(b -> b.bool(bool -> {
            // without text every record scores 1 (match_all), as a search without text always did
            bool.must(q.text().isBlank() ? Query.of(m -> m.matchAll(a -> a)) : text(q));
            return bool.filter(common(q)).filter(List.copyOf(facetFilters));
        }));
    }

    /**
     * What every facet count must satisfy, scoring nothing: the text as a filter (the same records the scored query
     * matches), live records, price and owner; each facet then applies every facet filter but its own.
     */
    static Query counted(SearchQuery q) {
        return Query.of(b -> b.bool(bool -> {
            if (!q.text().isBlank()) bool.filter(text(q));
            return bool.filter(common(q));
        }));
    }

    /** The text as plain words (never query syntax) across both languages' fields. */
    private static Query text(SearchQuery q) {
        return Query.of(m -> m.multiMatch(mm -> mm.query(q.text()).fields(TEXT_FIELDS).type(TextQueryType.BestFields).tieBreaker(0.3)));
    }

    /** Live records, the price range and the owner: filters that are not facets. */
    private static List<Query> common(SearchQuery q) {
        List<Query> out = new ArrayList<>();
        out.add(Query.of(f -> f.range(r -> r.untyped(u -> u.field("expiresAt").gte(JsonData.of(MatchEngine.LIVE))))));
        if (q.priceMin() != null || q.priceMax() != null) {
            out.add(Query.of(f -> f.range(r -> r.untyped(u -> {
                u.field("priceFen");
                if (q.priceMin() != null) u.gte(JsonData.of(Cny.toFen(q.priceMin())));
                if (q.priceMax() != null) u.lte(JsonData.of(Cny.toFen(q.priceMax())));
                return u;
            }))));
        }
        if (q.owner() != null) out.add(Query.of(f -> f.term(t -> t.field("ownerOrg").value(q.owner()))));
        return out;
    }

    /** The filter of each facet the caller restricted (OR of its values). */
    static Map<String, Query> facetFilters(SearchQuery q) {
        Map<String, Query> out = new LinkedHashMap<>();
        if (!q.fields().isEmpty()) out.put("field", terms("field", q.fields().stream().map(Enum::name).toList()));
        if (!q.ipc().isEmpty()) {
            out.put("ipcSection", Query.of(b -> b.bool(bool -> {
                for (String ipc : q.ipc()) {
                    if (ipc.length() == 1) bool.should(s -> s.term(t -> t.field("ipcSection").value(ipc)));
                    else bool.should(s -> s.prefix(p -> p.field("ipcCodes").value(ipc)));
                }
                return bool.minimumShouldMatch("1");
            })));
        }
        if (q.trlMin() != null || q.trlMax() != null) {
            out.put("trl", Query.of(b -> b.range(r -> r.untyped(u -> {
                u.field("trl");
                if (q.trlMin() != null) u.gte(JsonData.of(q.trlMin()));
                if (q.trlMax() != null) u.lte(JsonData.of(q.trlMax()));
                return u;
            }))));
        }
        if (!q.regions().isEmpty()) out.put("region", terms("regionPath", q.regions()));
        if (!q.transferModes().isEmpty()) out.put("transferMode", terms("transferMode", q.transferModes().stream().map(Enum::name).toList()));
        if (!q.tradeMethods().isEmpty()) out.put("tradeMethod", terms("tradeMethod", q.tradeMethods().stream().map(Enum::name).toList()));
        return out;
    }

    /** Every facet filter except {@code facet}'s, as one query (match all when none). */
    static Query allBut(Map<String, Query> filters, String facet) {
        List<Query> others = new ArrayList<>();
        filters.forEach((name, query) -> { if (!name.equals(facet)) others.add(query); });
        return others.isEmpty() ? Query.of(b -> b.matchAll(m -> m)) : Query.of(b -> b.bool(bool -> bool.filter(others)));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(b -> b.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }
}
