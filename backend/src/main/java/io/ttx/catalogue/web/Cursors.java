package io.ttx.catalogue.web;

import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.FieldErrors;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque paging cursors: the last id of a page, base64url-encoded (clients must not build them). */
final class Cursors {
    private Cursors() { }

    static String encode(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable String decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedInput(List.of(FieldErrors.of("cursor", "invalid-cursor", "is not a cursor this API issued")));
        }
    }
}
