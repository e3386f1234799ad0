package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.FieldErrors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** search_after positions as opaque cursors: the last hit's sort values, typed, base64url-encoded. */
final class Cursors {
    private Cursors() { }

    static String encode(List<FieldValue> sort) {
        StringBuilder sb = new StringBuilder();
        for (FieldValue v : sort) {
            if (!sb.isEmpty()) sb.append('\u001f');
            if (v.isDouble()) sb.append('d').append(v.doubleValue());
            else if (v.isLong()) sb.append('l').append(v.longValue());
            else if (v.isString()) sb.append('s').append(v.stringValue());
            else sb.append('n');
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<FieldValue> decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<FieldValue> out = new ArrayList<>();
            for (String part : raw.split("\u001f", -1)) {
                char kind = part.charAt(0);
                String value = part.substring(1);
                out.add(switch (kind) {
                    case 'd' -> FieldValue.of(Double.parseDouble(value));
                    case 'l' -> FieldValue.of(Long.parseLong(value));
                    case 's' -> FieldValue.of(value);
                    case 'n' -> FieldValue.NULL;
                    default -> throw new IllegalArgumentException("kind " + kind);
                });
            }
            return out;
        } catch (RuntimeException e) {
            throw new MalformedInput(List.of(FieldErrors.of("cursor", "invalid-cursor", "is not a cursor this API issued")));
        }
    }
}
