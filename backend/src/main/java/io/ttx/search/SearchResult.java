package io.ttx.search;

import io.ttx.catalogue.LocalizedText;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/** One page of search hits with totals and facet counts, in the shape of the API response. */
public record SearchResult(Total total, List<Item> items, Map<String, List<Bucket>> facets, @Nullable String nextCursor) {

    /** Exact up to 10,000, then a lower bound ("gte"). */
    public record Total(long value, String relation) { }

    public record Item(String id, LocalizedText title, LocalizedText summary, String field, int trl, String region, String ownerOrg,
                       Map<String, List<String>> highlights, @Nullable Double score, @Nullable Map<String, Object> priceHint,
                       @Nullable String askingPrice) { }

    public record Bucket(String key, long count) { }
}
