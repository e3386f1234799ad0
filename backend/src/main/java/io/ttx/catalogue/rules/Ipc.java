package io.ttx.catalogue.rules;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International Patent Classification symbols: section A-H, two-digit class, subclass letter, main group (1-4
 * digits) and subgroup (2-6 digits). Accepts the common spellings (`H01M10/48`, `h01m 10 / 48`, `H01M 0010/48`) and
 * normalises to the WIPO display form {@code H01M 10/48}. The pattern runs only on text of at most
 * {@link Limits#IPC_SYMBOL} characters: its optional spaces and leading zeros sit between fixed characters, so it cannot
 * backtrack badly, and on bounded text it takes bounded time.
 */
public final class Ipc {
    private static final Pattern SYMBOL = Pattern.compile("([A-H])\\s*(\\d{2})\\s*([A-Z])\\s*0*(\\d{1,4})\\s*/\\s*(\\d{2,6})");

    private Ipc() { }

    /** The normalised symbol, or null when the text is not an IPC symbol (longer than {@link Limits#IPC_SYMBOL} included). */
    public static @Nullable String normalise(@Nullable String text) {
        if (text == null || text.length() > Limits.IPC_SYMBOL) return null;
        Matcher m = SYMBOL.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) return null;
        return m.group(1) + m.group(2) + m.group(3) + " " + m.group(4) + "/" + m.group(5);
    }

    /** The section letter (A-H) of a normalised symbol. */
    public static String section(String normalised) {
        return normalised.substring(0, 1);
    }
}
