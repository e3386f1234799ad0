package io.ttx.search;

import io.ttx.catalogue.LocalizedText;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/** One page of search hits with totals and facet counts, in the shape of the API response. */
public record SearchResult(Total total, List<Item> items, Map<String, List<Bucket>> facets, @Nullable String nextCursor) {

    /**
     * How many records match: exact ("eq"), counted by the search that computes the facets, which visits every match
     * anyway (issue 16). "gte" (a lower bound) stays a valid relation for clients, should counting ever be capped again.
     */
    public record Total(long value, String relation) { }

    public record Item(String id, LocalizedText title, LocalizedText summary, String field, int trl, String region, String ownerOrg,
                       Map<String, List<String>> highlights, @Nullable Double score, @Nullable Map<String, Object> priceHint,
                       @Nullable String askingPrice) { }

    public record Bucket(String key, long count) { }
}
