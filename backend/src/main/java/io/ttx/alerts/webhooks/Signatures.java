package io.ttx.alerts.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Webhook signatures: {@code TTX-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(key, t + "." + body)>}, the key
 * being the UTF-8 bytes of the whole secret as handed out ({@code whsec_...}). The receiver recomputes it over the raw
 * body and rejects old timestamps, which stops replays.
 */
public final class Signatures {
    public static final String HEADER = "TTX-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() { }

    /** A new signing secret: {@code whsec_} and 32 random bytes in unpadded base64url. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds, body);
    }

    static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
