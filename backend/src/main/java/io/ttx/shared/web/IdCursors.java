package io.ttx.shared.web;

import io.ttx.shared.MalformedInput;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.regex.Pattern;

/** For lists paged by id: the cursor is the last item's id (opaque to clients); anything else is a 400 before it reaches a query. */
public final class IdCursors {
    private static final Pattern ID = Pattern.compile("[a-z]{3}_[0-9a-z]{20}");

    private IdCursors() { }

    public static @Nullable String check(@Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        if (!ID.matcher(cursor).matches()) {
            throw new MalformedInput(List.of(FieldErrors.of("cursor", "pattern", "is not a cursor of this list")));
        }
        return cursor;
    }
}
