package io.ttx.vouchers;

import io.ttx.shared.Ids;
import io.ttx.vouchers.domain.RedemptionRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of a redemption from its Idempotency-Key, scoped per agency organisation, and the digest of its request that
 * tells a replay from a reuse of the key with another body.
 */
final class RedemptionKeys {
    private RedemptionKeys() { }

    /** {@code rdm_} and 20 base32 characters (100 bits) of SHA-256(organisation, key): the shape of every id. */
    static String id(String org, String key) {
        return id("rdm_", org, key);
    }

    /** {@code prefix} and 20 base32 characters (100 bits) of SHA-256(scope, key). */
    static String id(String prefix, String scope, String key) {
        return prefix + Ids.base32(sha256(scope + "\n" + key), 20);
    }

    static String hash(String voucherId, RedemptionRequest r) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {voucherId, r.invoiceNumber(), Long.toString(r.invoiceAmount()), r.category().name(),
            r.serviceDescription(), r.dealId() == null ? "-" : "+" + r.dealId()}) {
            canonical.append(field.length()).append(':').append(field); // length-prefixed: no two bodies share a digest input
        }
        return HexFormat.of().formatHex(sha256(canonical.toString()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
