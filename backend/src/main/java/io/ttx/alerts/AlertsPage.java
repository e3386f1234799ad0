package io.ttx.alerts;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.function.Function;

/** One page of a newest-first list; {@code nextCursor} (the last item's id, as a cursor in responses) is null on the last page. */
public record AlertsPage<T>(List<T> items, @Nullable String nextCursor) {

    /** From {@code size + 1} rows read: the extra row only tells that another page exists. */
    static <D, T> AlertsPage<T> of(List<D> rows, int size, Function<D, String> id, Function<D, T> view) {
        List<D> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? id.apply(page.getLast()) : null;
        return new AlertsPage<>(page.stream().map(view).toList(), next);
    }
}
