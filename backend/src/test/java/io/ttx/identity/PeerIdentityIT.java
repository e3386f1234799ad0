package io.ttx.identity;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peers of the voucher federation: the dev IdP's peer clients carry role {@code peer} and the provinces they host,
 * which {@code /api/v1/me} shows; {@code /federation/**} is closed to anonymous callers like {@code /api/**}.
 */
class PeerIdentityIT extends IntegrationTest {
    JsonNode me(String bearer) {
        return api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
    }

    @Test
    void peersAreShownWithTheProvincesTheyHost() {
        JsonNode shandong = me(bearer("peer-370000"));
        assertThat(shandong.get("roles").valueStream().map(JsonNode::asString)).containsExactly("peer");
        assertThat(shandong.get("regions").valueStream().map(JsonNode::asString)).containsExactly("370000");
        JsonNode yrd = me(bearer("peer-yrd"));
        assertThat(yrd.get("regions").valueStream().map(JsonNode::asString)).containsExactly("310000", "320000", "330000", "340000");
        assertThat(me(bearer("agency-370000")).get("region").asString()).isEqualTo("370100");
        assertThat(me(bearer("region-admin-370000")).get("roles").valueStream().map(JsonNode::asString)).containsExactly("region-admin");
        assertThat(me(bearer("tto")).has("regions")).as("only peers host provinces").isFalse();
        String malformed = "Bearer " + Tokens.withClaim("peer-x", List.of("peer"), "91370100MA3C0K0X7D", "370000", "regions", List.of("370000", "37"));
        assertThat(me(malformed).has("regions")).isFalse();
    }

    @Test
    void theFederationPathsAreClosedToAnonymousCallers() {
        raw.post().uri("/federation/v1/authorizations").exchange().expectStatus().isUnauthorized();
        raw.get().uri("/federation/v1/authorizations/x").exchange().expectStatus().isUnauthorized();
    }
}
