package io.ttx.contract;

import io.ttx.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example in the contract validates against the schema next to it: examples are part of the contract. */
class ContractExamplesTests {
    private OpenApiContract contract = OpenApiContract.get();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyExampleOfTheFederationProtocolMatchesItsSchema() {
        contract = OpenApiContract.federation();
        everyExampleMatchesItsSchema();
    }

    @Test
    void everyExampleMatchesItsSchema() {
        List<String> violations = new ArrayList<>();
        int[] checked = {0};
        walk(contract.root(), "#", (pointer, media) -> {
            if (!media.has("schema")) return;
            String schema = pointer + "/schema";
            if (media.has("example")) {
                checked[0]++;
                violations.addAll(contract.validate(schema, json.writeValueAsString(media.get("example")), pointer + "/example"));
            }
            for (Map.Entry<String, JsonNode> e : media.path("examples").properties()) {
                checked[0]++;
                JsonNode example = e.getValue().has("$ref") ? contract.root().at(e.getValue().get("$ref").asString().substring(1)) : e.getValue();
                assertThat(example.has("value")).as(pointer + "/examples/" + e.getKey() + " has a value").isTrue();
                violations.addAll(contract.validate(schema, json.writeValueAsString(example.get("value")), pointer + "/examples/" + e.getKey()));
            }
        });
        assertThat(checked[0]).isPositive();
        assertThat(violations).isEmpty();
    }

    @Test
    void detectsAnUndocumentedField() {
        List<String> v = contract.check("GET", "/api/v1/me", 200, "application/json",
            "{\"subject\":\"x\",\"roles\":[\"tto\"],\"org\":null,\"region\":null,\"secret\":1}");
        assertThat(v).hasSize(1).first().asString().contains("secret");
    }

    @Test
    void detectsAnUndocumentedStatus() {
        assertThat(contract.check("GET", "/api/v1/me", 418, "application/problem+json", "{}")).hasSize(1);
    }

    private interface MediaVisitor {
        void visit(String pointer, JsonNode media);
    }

    /** Visits every media-type object (under any "content") with its JSON pointer. */
    private static void walk(JsonNode node, String pointer, MediaVisitor visitor) {
        if (!node.isObject()) return;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
            if (e.getKey().equals("content") && e.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> m : e.getValue().properties()) {
                    visitor.visit(child + "/" + m.getKey().replace("~", "~0").replace("/", "~1"), m.getValue());
                }
            } else {
                walk(e.getValue(), child, visitor);
            }
        }
    }
}
