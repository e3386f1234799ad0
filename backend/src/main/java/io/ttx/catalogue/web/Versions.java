package io.ttx.catalogue.web;

import io.ttx.catalogue.VersionMismatch;
import org.jspecify.annotations.Nullable;

/** ETags are the version in quotes ("3"); If-Match accepts that (or W/"3"). Anything unparseable never matches. */
final class Versions {
    private Versions() { }

    static @Nullable Long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) return null;
        String v = header.trim();
        if (v.startsWith("W/")) v = v.substring(2);
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1L; // never equal to a real version: 412
        }
    }

    static long required(@Nullable String header) {
        Long v = ifMatch(header);
        if (v == null) throw VersionMismatch.missing();
        return v;
    }
}
