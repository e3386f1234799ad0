package io.ttx.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * The version an {@code If-Match} header names: ETags are the version in quotes ("3"), {@code W/"3"} is accepted too.
 * Null when the header is absent or blank; -1 (never a real version, so 412) for anything that is not a version.
 */
public final class IfMatch {
    private static final int MAX_DIGITS = 18;

    private IfMatch() { }

    public static @Nullable Long version(@Nullable String header) {
        if (header == null || header.isBlank()) return null;
        String v = header.trim();
        if (v.startsWith("W/")) v = v.substring(2);
        v = v.replace("\"", "");
        if (v.isEmpty() || v.length() > MAX_DIGITS || !v.chars().allMatch(c -> c >= '0' && c <= '9')) return -1L;
        return Long.parseLong(v);
    }
}
