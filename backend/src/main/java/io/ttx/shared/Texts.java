package io.ttx.shared;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;

/**
 * Free text as it is stored: stripped of surrounding whitespace and NFC-normalised (so that a composed "é" and an
 * "e" followed by a combining acute are the same stored text), its length counted in code points of that form. Every
 * capability stores texts this way; the limits are theirs.
 *
 * <p>A text that cannot fit is refused on its raw length alone, before it is normalised: NFC merges at most four
 * code points into one (U+1F82 is the longest canonical composition) and a code point takes at most two UTF-16
 * chars, so a stripped text longer than {@value #NFC_SHRINK} chars per allowed code point exceeds the limit whatever
 * normalisation makes of it. Below that, normalising costs time linear in a bounded length.
 */
public final class Texts {
    /** UTF-16 chars of raw text that one code point of its NFC form can stand for, at most. */
    public static final int NFC_SHRINK = 8;

    private Texts() { }

    /** A checked text: its stored form (null when absent or blank) and whether it is over its limit. */
    public record Checked(@Nullable String text, boolean tooLong) { }

    /**
     * The stored form of {@code raw} (stripped, NFC; null when null or blank) and whether it has more than
     * {@code max} code points in that form. An oversized raw text is never normalised ({@code text} is then null).
     */
    public static Checked check(@Nullable String raw, int max) {
        if (raw == null) return new Checked(null, false);
        String s = raw.strip();
        if (s.isEmpty()) return new Checked(null, false);
        if (s.length() > (long) max * NFC_SHRINK) return new Checked(null, true);
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        return new Checked(n, n.length() > max && n.codePointCount(0, n.length()) > max);
    }

    /** The NFC form of a text that is already bounded (e.g. by a shape check); null stays null. */
    public static @Nullable String nfc(@Nullable String bounded) {
        return bounded == null ? null : Normalizer.normalize(bounded, Normalizer.Form.NFC);
    }
}
