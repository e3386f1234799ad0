package io.ttx.identity;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.List;

class SecurityIT extends IntegrationTest {
    private static final String ORG = "91330100MA27XYW12A"; // any org code: the backend reads it, the IdP signs it

    @ParameterizedTest
    @ValueSource(strings = {"researcher", "tto", "enterprise", "broker", "agency", "evaluator", "auditor", "admin",
        "region-admin-310000", "region-admin-320000", "region-admin-330000", "region-admin-340000",
        "researcher-2", "tto-2", "enterprise-2", "broker-2", "agency-2", "evaluator-2", "auditor-2", "admin-2"})
    void acceptsATokenOfEveryDemoClientAndReportsItsClaims(String client) {
        String role = client.startsWith("region-admin") ? "region-admin" : client.replace("-2", "");
        api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(client)).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.subject").isEqualTo(client)
            .jsonPath("$.roles").isEqualTo(List.of(role))
            .jsonPath("$.org").value(org -> org.toString().matches("[0-9A-HJ-NPQRTUWXY]{18}"))
            .jsonPath("$.region").value(r -> r.toString().matches("\\d{6}"));
    }

    @Test
    void secondClientOfARoleIsInAnotherOrganisation() {
        String org1 = api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange()
            .expectBody(MeBody.class).returnResult().getResponseBody().org();
        String org2 = api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer("tto-2")).exchange()
            .expectBody(MeBody.class).returnResult().getResponseBody().org();
        org.assertj.core.api.Assertions.assertThat(org1).isNotEqualTo(org2);
    }

    record MeBody(String subject, List<String> roles, String org, String region) { }

    @Test
    void missingTokenIs401Problem() {
        unauthorized(null);
    }

    @Test
    void expiredTokenIs401Problem() {
        unauthorized(Tokens.expired("tto", List.of("tto"), ORG, "330100"));
    }

    @Test
    void wronglySignedTokenIs401Problem() {
        unauthorized(Tokens.wronglySigned("tto", List.of("tto"), ORG, "330100"));
    }

    @Test
    void wrongIssuerTokenIs401Problem() {
        unauthorized(Tokens.wrongIssuer("tto", List.of("tto"), ORG, "330100"));
    }

    @Test
    void tokenForAnotherAudienceOrNoneIs401Problem() {
        unauthorized(Tokens.forAudience(List.of("another-service"), "tto", List.of("tto"), ORG, "330100"));
        unauthorized(Tokens.forAudience(List.of(), "tto", List.of("tto"), ORG, "330100"));
    }

    @Test
    void garbageTokenIs401Problem() {
        unauthorized("not-a-jwt");
    }

    @Test
    void aSignedTokenFromTheIssuerWithCustomClaimsIsAccepted() {
        api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.custom("someone", List.of("broker", "no-such-role"), ORG, "320100"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.roles").isEqualTo(List.of("broker"))   // unknown roles never become authorities
            .jsonPath("$.org").isEqualTo(ORG);
    }

    @Test
    void metricsAreForAdminsOnly() {
        raw.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
            .expectStatus().isOk().expectBody(String.class).value(b -> org.assertj.core.api.Assertions.assertThat(b).contains("jvm_memory"));
        raw.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer("broker")).exchange()
            .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("forbidden");
        raw.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        // every request is timed with its status, 401 and 403 included; Spring Security's own timers are off (their cost)
        raw.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
            .expectStatus().isOk().expectBody(String.class).value(b -> org.assertj.core.api.Assertions.assertThat(b)
                .contains("http_server_requests_seconds_count{", "status=\"401\"", "status=\"403\"")
                .doesNotContain("spring_security_"));
    }

    @Test
    void unknownApiRouteIs404ForAnAuthenticatedCallerAnd401ForAnonymous() {
        api.get().uri("/api/v1/no-such-thing").header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange()
            .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("not-found").jsonPath("$.instance").isEqualTo("/api/v1/no-such-thing");
        api.get().uri("/api/v1/no-such-thing").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownNonApiRouteIs404Problem() {
        raw.get().uri("/no/such/page").exchange().expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("not-found").jsonPath("$.status").isEqualTo(404);
    }

    private void unauthorized(String token) {
        var spec = api.get().uri("/api/v1/me");
        if (token != null) spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        spec.exchange().expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> org.assertj.core.api.Assertions.assertThat(v).startsWith("Bearer"))
            .expectBody()
            .jsonPath("$.code").isEqualTo("unauthenticated")
            .jsonPath("$.type").isEqualTo("https://api.ttx.example/problems/unauthenticated")
            .jsonPath("$.title").isEqualTo("Unauthorized")
            .jsonPath("$.status").isEqualTo(401)
            .jsonPath("$.instance").isEqualTo("/api/v1/me")
            .jsonPath("$.detail").isNotEmpty();
    }
}
