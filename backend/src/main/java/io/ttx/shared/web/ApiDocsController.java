package io.ttx.shared.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Serves the hand-written OpenAPI contract from the frontend-api-spec jar exactly as written (no generated spec):
 * the YAML file itself, the same document as JSON, and a Swagger UI page to browse it.
 */
@RestController
class ApiDocsController {
    static final String SPEC = "openapi/openapi.yaml";
    private final byte[] yaml;
    private final byte[] json;

    ApiDocsController(JsonMapper jsonMapper) throws IOException {
        try (InputStream in = new ClassPathResource(SPEC).getInputStream()) {
            this.yaml = in.readAllBytes(); // read once at start-up, a few tens of KB
        }
        JsonNode tree = new YAMLMapper().readTree(yaml);
        this.json = jsonMapper.writeValueAsBytes(tree);
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    @GetMapping(path = "/v3/api-docs.yaml")
    ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(yaml);
    }

    @GetMapping("/swagger-ui")
    ResponseEntity<Void> ui() {
        return ResponseEntity.status(302).location(URI.create("/swagger-ui.html")).build();
    }
}
