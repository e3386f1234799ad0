package io.ttx.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Deterministic notification ids in the shape of {@link io.ttx.shared.Ids} ({@code ntf_} + 10 Crockford base32
 * characters of a millisecond + 10 more): the millisecond is the causing event's time and the rest comes from a hash
 * of what makes the notification unique: (saved search, achievement, achievement version) for a saved-search match,
 * (deal event, recipient organisation, role) for a deal's party. A redelivered event yields the same id, so the insert
 * is refused as a duplicate; ids still sort by time for newest-first paging.
 */
final class NotificationIds {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private NotificationIds() { }

    static String of(Instant at, String savedSearchId, String achievementId, long version) {
        return of(at, savedSearchId + "|" + achievementId + "|" + version);
    }

    /** A deal event's notification for one party (organisation, role). */
    static String forDealEvent(Instant at, String eventId, String org, String role) {
        return of(at, eventId + "|" + org + "|" + role);
    }

    private static String of(Instant at, String key) {
        char[] out = new char[20];
        long millis = at.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        byte[] hash = sha256(key);
        long bits = 0;
        for (int i = 0; i < 8; i++) bits = (bits << 8) | (hash[i] & 0xff);
        for (int i = 19; i >= 10; i--) {
            out[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return "ntf_" + new String(out);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
