package io.ttx.valuation.web;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/** Escaping and number display for the report. Every piece of text that reaches the page goes through {@link #esc}. */
final class Html {
    private Html() { }

    /** Text safe in element content and in quoted attribute values. */
    static String esc(@Nullable Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A decimal string with thousands separators, every digit kept: "-1234567.5" -> "-1,234,567.5". */
    static String grouped(@Nullable String decimal) {
        if (decimal == null) return "";
        if (!decimal.matches("-?[0-9]+(\\.[0-9]+)?")) return esc(decimal);
        boolean negative = decimal.startsWith("-");
        String digits = negative ? decimal.substring(1) : decimal;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) out.append(',');
            out.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + out + (dot < 0 ? "" : digits.substring(dot));
    }

    /** A number for SVG coordinates: one decimal, dot as separator whatever the locale. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
