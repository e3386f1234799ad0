package io.ttx.catalogue.web;

import io.ttx.catalogue.VersionMismatch;
import io.ttx.shared.web.IfMatch;
import org.jspecify.annotations.Nullable;

/** If-Match of listing changes ({@link IfMatch}), required where a change needs one (428). */
final class Versions {
    private Versions() { }

    static @Nullable Long ifMatch(@Nullable String header) {
        return IfMatch.version(header);
    }

    static long required(@Nullable String header) {
        Long v = ifMatch(header);
        if (v == null) throw VersionMismatch.missing();
        return v;
    }
}
