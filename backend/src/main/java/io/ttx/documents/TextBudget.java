package io.ttx.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * Caps the extracted text of one listing, all its documents together, at a number of UTF-8 bytes (the index joins
 * them with one newline, which counts too): documents are taken in upload order, the one that crosses the budget is
 * cut at a character boundary and later ones are left out. So no listing sends the search index more than the budget,
 * however many documents it has.
 */
final class TextBudget {
    private TextBudget() { }

    static List<String> cap(List<String> texts, long budget) {
        List<String> kept = new ArrayList<>();
        long left = budget;
        for (String text : texts) {
            if (!kept.isEmpty()) left--; // the newline between two texts
            if (left <= 0) break;
            String cut = prefix(text, left);
            kept.add(cut);
            left -= utf8Length(cut);
            if (cut.length() < text.length()) break;
        }
        return kept;
    }

    /** The longest prefix of whole code points whose UTF-8 form fits in {@code bytes}. */
    static String prefix(String text, long bytes) {
        long used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + size > bytes) break;
            used += size;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    static long utf8Length(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return n;
    }
}
