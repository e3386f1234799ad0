package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Splits bulk operations into requests of bounded size. A listing carries up to 1 MB of document text
 * ({@code ttx.documents.listing-text-limit}), so a batch of 500 could reach 500 MB, far beyond Elasticsearch's
 * {@code http.max_content_length} (100 MB by default): requests are cut at {@link #MAX_BYTES} of estimated JSON.
 */
final class BulkBatches {
    static final long MAX_BYTES = 16L * 1024 * 1024;
    /** Action line, ids and versions of one operation. */
    private static final long OVERHEAD = 256;

    /** An operation and an upper bound of its size in the request. */
    record Sized(BulkOperation op, long bytes) {
        static Sized of(BulkOperation op, Object document) {
            return new Sized(op, OVERHEAD + estimate(document));
        }

        static Sized of(BulkOperation op) {
            return new Sized(op, OVERHEAD);
        }
    }

    private BulkBatches() { }

    /** Consecutive groups of at most {@code max} bytes (an operation larger than that goes alone). */
    static List<List<BulkOperation>> split(List<Sized> ops, long max) {
        List<List<BulkOperation>> batches = new ArrayList<>();
        List<BulkOperation> current = new ArrayList<>();
        long size = 0;
        for (Sized s : ops) {
            if (!current.isEmpty() && size + s.bytes() > max) {
                batches.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(s.op());
            size += s.bytes();
        }
        if (!current.isEmpty()) batches.add(current);
        return batches;
    }

    /** An upper bound of the JSON size of a search document: strings as UTF-8 at worst (3 bytes a char) plus escapes. */
    static long estimate(Object value) {
        if (value instanceof CharSequence text) return 3L * text.length() + 16;
        if (value instanceof Map<?, ?> map) {
            long n = 2;
            for (Map.Entry<?, ?> e : map.entrySet()) n += estimate(String.valueOf(e.getKey())) + estimate(e.getValue()) + 2;
            return n;
        }
        if (value instanceof Collection<?> list) {
            long n = 2;
            for (Object o : list) n += estimate(o) + 1;
            return n;
        }
        return 32;
    }
}
