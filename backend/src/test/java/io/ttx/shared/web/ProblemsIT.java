package io.ttx.shared.web;

import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error class of the web layer answers problem+json with its stable code (test routes under /api/test). */
class ProblemsIT extends IntegrationTest {

    private WebTestClient.RequestBodySpec echo() {
        return api.post().uri("/api/test/echo").header(HttpHeaders.AUTHORIZATION, bearer("enterprise"));
    }

    @Test
    void validBodyPasses() {
        echo().contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"trl\":3,\"tags\":[\"a\"]}").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.trl").isEqualTo(3);
    }

    @Test
    void malformedJsonIs400ValidationFailed() {
        echo().contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"x\", ").exchange()
            .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("validation-failed")
            .jsonPath("$.errors[0].code").isEqualTo("malformed-json")
            .jsonPath("$.detail").value(d -> assertThat(d.toString()).doesNotContain("tools.jackson").doesNotContain("Exception"));
    }

    @Test
    void wrongTypeNamesTheField() {
        echo().contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"trl\":\"six\",\"tags\":[]}").exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.code").isEqualTo("validation-failed")
            .jsonPath("$.errors[0].field").isEqualTo("trl").jsonPath("$.errors[0].code").isEqualTo("type");
    }

    @Test
    void missingAndOutOfRangeFieldsAreAllListed() {
        echo().contentType(MediaType.APPLICATION_JSON).bodyValue("{\"trl\":12}").exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.code").isEqualTo("validation-failed")
            .jsonPath("$.errors.length()").isEqualTo(3)
            .jsonPath("$.errors[?(@.field == 'name')].code").isEqualTo("required")
            .jsonPath("$.errors[?(@.field == 'tags')].code").isEqualTo("required")
            .jsonPath("$.errors[?(@.field == 'trl')].code").isEqualTo("range");
    }

    @Test
    void emptyBodyIs400() {
        echo().contentType(MediaType.APPLICATION_JSON).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("validation-failed");
    }

    @Test
    void wrongContentTypeIs415() {
        echo().contentType(MediaType.TEXT_PLAIN).bodyValue("name=x").exchange()
            .expectStatus().isEqualTo(415).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("unsupported-media-type");
    }

    @Test
    void bodyOverTheLimitIs413FromContentLength() {
        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        echo().contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
            .expectStatus().isEqualTo(413).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");
    }

    @Test
    void wrongMethodIs405() {
        api.delete().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange()
            .expectStatus().isEqualTo(405).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("method-not-allowed");
    }

    @Test
    void unacceptableAcceptHeaderIs406StillExplainedAsProblem() {
        api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).accept(MediaType.TEXT_PLAIN).exchange()
            .expectStatus().isEqualTo(406).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("not-acceptable");
    }
}
