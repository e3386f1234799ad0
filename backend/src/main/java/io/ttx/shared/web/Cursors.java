package io.ttx.shared.web;

import io.ttx.shared.MalformedInput;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The paging cursors of every list: opaque, url-safe tokens (base64url of typed values) so clients follow
 * {@code nextCursor} and never build one. A list paged by id carries the last item's id; a search carries the last
 * hit's sort values ({@code search_after}). Anything this API did not issue for that kind of list is a 400 (field
 * {@code cursor}, code {@code invalid-cursor}) before it reaches a query.
 */
public final class Cursors {
    /** Ids of {@code shared.Ids}: a prefix of three letters ({@code ach_}, {@code msg_}) or four ({@code deal_}), then 20 characters. */
    private static final Pattern ID = Pattern.compile("[a-z]{3,4}_[0-9a-z]{20}");
    private static final char SEPARATOR = '\u001f';
    /** Longer than any cursor this API issues (an id cursor has at most 35 characters, a search cursor about 100): refused unread. */
    public static final int MAX_LENGTH = 512;

    private Cursors() { }

    /** The cursor continuing after {@code lastId}; null (no next page) stays null. */
    public static @Nullable String ofId(@Nullable String lastId) {
        return lastId == null ? null : encode("i" + lastId);
    }

    /** The id a cursor of {@link #ofId} continues after; null when no cursor was sent. */
    public static @Nullable String id(@Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        String raw = decode(cursor);
        if (raw.length() < 2 || raw.charAt(0) != 'i' || !ID.matcher(raw.substring(1)).matches()) throw invalid();
        return raw.substring(1);
    }

    /** The cursor continuing after a hit with these sort values: each a {@code Double}, {@code Long}, {@code String} or null. */
    public static String ofValues(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            if (!sb.isEmpty()) sb.append(SEPARATOR);
            switch (v) {
                case null -> sb.append('n');
                case Double d -> sb.append('d').append(d);
                case Long l -> sb.append('l').append(l);
                case String s -> sb.append('s').append(s);
                default -> throw new IllegalArgumentException("not a sort value: " + v.getClass().getName());
            }
        }
        return encode(sb.toString());
    }

    /** The sort values a cursor of {@link #ofValues} holds. */
    public static List<@Nullable Object> values(String cursor) {
        List<@Nullable Object> out = new ArrayList<>();
        try {
            for (String part : decode(cursor).split(String.valueOf(SEPARATOR), -1)) {
                String value = part.substring(1);
                out.add(switch (part.charAt(0)) {
                    case 'd' -> Double.parseDouble(value);
                    case 'l' -> Long.parseLong(value);
                    case 's' -> value;
                    case 'n' -> null;
                    default -> throw invalid();
                });
            }
        } catch (RuntimeException e) { // an empty part, a number that is none
            throw invalid();
        }
        return out;
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) throw invalid();
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static MalformedInput invalid() {
        return new MalformedInput(List.of(FieldErrors.of("cursor", "invalid-cursor", "is not a cursor this API issued")));
    }
}
