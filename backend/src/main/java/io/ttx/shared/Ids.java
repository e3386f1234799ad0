package io.ttx.shared;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * Opaque, time-ordered ids: {@code <prefix>_} + 10 Crockford base32 characters of the creation millisecond +
 * 10 random ones. Sorting by id sorts by creation time, which makes cursor paging a plain range query.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() { }

    public static String next(String prefix, Instant now) {
        char[] out = new char[20];
        long millis = now.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = 10; i < 20; i++) out[i] = ALPHABET[RANDOM.nextInt(32)];
        return prefix + "_" + new String(out);
    }

    /** The first {@code chars} characters (at most 8 per 5 bytes) of {@code bytes} in the ids' Crockford base32. */
    public static String base32(byte[] bytes, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        long bits = 0;
        int have = 0;
        int i = 0;
        while (sb.length() < chars) {
            if (have < 5) {
                bits = (bits << 8) | (bytes[i++] & 0xff);
                have += 8;
            }
            sb.append(ALPHABET[(int) ((bits >>> (have - 5)) & 31)]);
            have -= 5;
        }
        return sb.toString();
    }

    /** When an id of {@link #next} was made (its first ten characters after the prefix); empty for anything else. */
    public static Optional<Instant> createdAt(String id) {
        int start = id.lastIndexOf('_') + 1;
        if (id.length() - start != 20) return Optional.empty();
        long millis = 0;
        for (int i = start; i < start + 10; i++) {
            int v = new String(ALPHABET).indexOf(id.charAt(i));
            if (v < 0) return Optional.empty();
            millis = (millis << 5) | v;
        }
        return Optional.of(Instant.ofEpochMilli(millis));
    }
}
