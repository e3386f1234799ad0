package io.ttx.testsupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bearer tokens for tests: real ones from the dev IdP (client_credentials, cached per client), and hand-made ones
 * signed with the IdP's own key (read from the key file the test stack gave it) for cases the IdP never issues:
 * expired, wrong issuer, a chosen organisation. {@link #wronglySigned} uses a key nobody trusts.
 */
public final class Tokens {
    /** The audience the backend requires (ttx.identity.audience); the dev IdP puts it in every token. */
    public static final String API_AUDIENCE = "ttx-api";

    private static final Map<String, String> cache = new ConcurrentHashMap<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Tokens() { }

    /** A token of a demo client from the dev IdP (secret = client id + "-secret"). */
    public static String of(String clientId) {
        return cache.computeIfAbsent(clientId, Tokens::fetch);
    }

    private static String fetch(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(TestStack.get().idp() + "/oauth2/token"))
            .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).timeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) throw new IllegalStateException("token for " + clientId + ": " + r.statusCode() + " " + r.body());
            return m.group(1);
        } catch (Exception e) {
            throw new IllegalStateException("cannot get a token for " + clientId, e);
        }
    }

    /** A token signed by the IdP's key with chosen claims, valid for five minutes. */
    public static String custom(String subject, List<String> roles, String org, String region) {
        return sign(idpKey(), TestStack.get().idp(), subject, roles, org, region, Instant.now().plusSeconds(300));
    }

    /** A token signed by the IdP's key with chosen claims and one more claim (e.g. a peer's {@code regions}). */
    public static String withClaim(String subject, List<String> roles, String org, String region, String claim, Object value) {
        return sign(idpKey(), TestStack.get().idp(), List.of(API_AUDIENCE), subject, roles, org, region, Instant.now().plusSeconds(300),
            Map.of(claim, value));
    }

    public static String expired(String subject, List<String> roles, String org, String region) {
        return sign(idpKey(), TestStack.get().idp(), subject, roles, org, region, Instant.now().minusSeconds(600));
    }

    public static String wrongIssuer(String subject, List<String> roles, String org, String region) {
        return sign(idpKey(), "https://elsewhere.example", subject, roles, org, region, Instant.now().plusSeconds(300));
    }

    /** A token of the right issuer and key made for another service ({@code aud}), or for none when {@code audience} is empty. */
    public static String forAudience(List<String> audience, String subject, List<String> roles, String org, String region) {
        return sign(idpKey(), TestStack.get().idp(), audience, subject, roles, org, region, Instant.now().plusSeconds(300));
    }

    public static String wronglySigned(String subject, List<String> roles, String org, String region) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(idpKey().getKeyID()).generate();
            return sign(stranger, TestStack.get().idp(), subject, roles, org, region, Instant.now().plusSeconds(300));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey idpKey() {
        try {
            return RSAKey.parse(Files.readString(TestStack.get().idpKeyFile(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dev IdP key", e);
        }
    }

    private static String sign(RSAKey key, String issuer, String subject, List<String> roles, String org, String region, Instant expiry) {
        return sign(key, issuer, List.of(API_AUDIENCE), subject, roles, org, region, expiry);
    }

    private static String sign(RSAKey key, String issuer, List<String> audience, String subject, List<String> roles, String org,
                               String region, Instant expiry) {
        return sign(key, issuer, audience, subject, roles, org, region, expiry, Map.of());
    }

    private static String sign(RSAKey key, String issuer, List<String> audience, String subject, List<String> roles, String org,
                               String region, Instant expiry, Map<String, Object> extra) {
        try {
            JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minusSeconds(900))).notBeforeTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry)).claim("roles", roles).claim("org", org).claim("region", region);
            extra.forEach(b::claim);
            JWTClaimsSet claims = b.build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
