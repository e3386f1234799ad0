package io.ttx.valuation;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** One page of a newest-first list; {@code nextCursor} (the last item's id, as a cursor in responses) is null on the last page. */
public record ResultPage<T>(List<T> items, @Nullable String nextCursor) { }
