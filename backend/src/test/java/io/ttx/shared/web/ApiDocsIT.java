package io.ttx.shared.web;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsIT extends IntegrationTest {

    @Test
    void servesTheContractAsWrittenWithoutAuthentication() {
        String json = raw.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody(String.class).returnResult().getResponseBody();
        JsonNode served = JsonMapper.builder().build().readTree(json);
        assertThat(served).isEqualTo(OpenApiContract.get().root());
        raw.get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk()
            .expectBody(String.class).value(y -> assertThat(y).startsWith("openapi: 3.1"));
    }

    @Test
    void servesABrowsableUi() {
        raw.get().uri("/swagger-ui.html").exchange().expectStatus().isOk()
            .expectBody(String.class).value(h -> assertThat(h).contains("SwaggerUIBundle").contains("/v3/api-docs"));
        raw.get().uri("/webjars/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
    }
}
