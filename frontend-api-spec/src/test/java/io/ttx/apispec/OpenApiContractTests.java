package io.ttx.apispec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Build-time rules for the contract: it parses as OpenAPI 3.1, and every operation is documented the same way. */
class OpenApiContractTests {
    private static SwaggerParseResult parsed;
    private static OpenAPI api;

    @BeforeAll
    static void parse() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        String yaml = Files.readString(Path.of("openapi.yaml"));
        parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        api = parsed.getOpenAPI();
    }

    @Test
    void parsesWithoutMessages() {
        assertThat(api).isNotNull();
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api.getOpenapi()).startsWith("3.1");
    }

    @Test
    void everyOperationHasAUniqueIdASummaryAndATag() {
        Set<String> ids = new HashSet<>();
        operations().forEach((where, op) -> {
            assertThat(op.getOperationId()).as(where).isNotBlank();
            assertThat(ids.add(op.getOperationId())).as("duplicate operationId at " + where).isTrue();
            assertThat(op.getSummary()).as(where).isNotBlank();
            assertThat(op.getTags()).as(where).isNotEmpty();
        });
    }

    @Test
    void everyErrorResponseIsAProblemAndEverySecuredOperationDocuments401() {
        operations().forEach((where, op) -> {
            assertThat(op.getResponses()).as(where).containsKey("500");
            if (!Boolean.TRUE.equals(op.getExtensions() == null ? null : op.getExtensions().get("x-public"))) {
                assertThat(op.getResponses()).as(where + " documents 401").containsKey("401");
            }
            op.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    ApiResponse r = resolve(response);
                    assertThat(r.getContent()).as(where + " " + status).containsOnlyKeys("application/problem+json");
                }
            });
        });
    }

    @Test
    void everySuccessfulJsonResponseHasAnExample() {
        operations().forEach((where, op) -> op.getResponses().forEach((status, response) -> {
            if (!status.startsWith("2")) return;
            ApiResponse r = resolve(response);
            if (r.getContent() == null) return;
            for (Map.Entry<String, MediaType> e : r.getContent().entrySet()) {
                if (!e.getKey().contains("json")) continue;
                MediaType m = e.getValue();
                assertThat(m.getExample() != null || (m.getExamples() != null && !m.getExamples().isEmpty()))
                    .as(where + " " + status + " " + e.getKey() + " has an example").isTrue();
            }
        }));
    }

    private static ApiResponse resolve(ApiResponse r) {
        if (r.get$ref() == null) return r;
        String name = r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1);
        return api.getComponents().getResponses().get(name);
    }

    private static Map<String, Operation> operations() {
        Map<String, Operation> out = new java.util.LinkedHashMap<>();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                out.put(e.getKey() + " " + path, e.getValue());
            }
        });
        assertThat(out).as("operations").isNotEmpty();
        return out;
    }
}
