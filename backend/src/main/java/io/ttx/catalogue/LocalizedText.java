package io.ttx.catalogue;

import org.jspecify.annotations.Nullable;

/** A text in Chinese and/or English; at least one language is required where the text is. */
public record LocalizedText(@Nullable String zh, @Nullable String en) {
    public boolean hasNoText() {
        return (zh == null || zh.isBlank()) && (en == null || en.isBlank());
    }

    LocalizedText trimmed() {
        return new LocalizedText(blankToNull(zh), blankToNull(en));
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
