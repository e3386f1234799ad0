package io.ttx.catalogue;

import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.ttx.catalogue.AchievementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Each business rule gives 422 with its code and field; shape errors give 400; nothing is written either way. */
class AchievementValidationIT extends IntegrationTest {

    static Stream<Arguments> ruleViolations() {
        return Stream.of(
            rule("invalid-ipc", "ipcCodes[1]", b -> ((ArrayNode) b.get("ipcCodes")).set(1, "G06N-3-08")),
            rule("inventor-shares-not-100", "inventors", b -> ((ObjectNode) b.get("inventors").get(1)).put("share", 29.5)),
            rule("amount-scale", "inventors[0].share", b -> { ((ObjectNode) b.get("inventors").get(0)).put("share", 60.505);
                ((ObjectNode) b.get("inventors").get(1)).put("share", 39.495); }),
            rule("amount-scale", "offer.askingPrice.amount", b -> ((ObjectNode) b.at("/offer/askingPrice")).put("amount", "1200000.001")),
            rule("negative-amount", "offer.askingPrice.amount", b -> ((ObjectNode) b.at("/offer/askingPrice")).put("amount", "-1.00")),
            rule("invalid-amount", "offer.askingPrice.amount", b -> ((ObjectNode) b.at("/offer/askingPrice")).put("amount", "1,200,000")),
            rule("unsupported-currency", "offer.askingPrice.currency", b -> ((ObjectNode) b.at("/offer/askingPrice")).put("currency", "USD")),
            rule("inconsistent-dates", "patents[0].grantDate", b -> ((ObjectNode) b.at("/patents/0")).put("grantDate", "2022-12-31")),
            rule("inconsistent-dates", "patents[0].expiryDate", b -> ((ObjectNode) b.at("/patents/0")).put("grantDate", "2024-05-01").put("expiryDate", "2024-04-30")),
            rule("inconsistent-dates", "patents[0].priorityDate", b -> ((ObjectNode) b.at("/patents/0")).put("priorityDate", "2023-03-01")),
            rule("invalid-uscc", "patents[0].coOwners[0].uscc", b -> ((ObjectNode) b.at("/patents/0/coOwners/0")).put("uscc", "12330100202401371F")),
            rule("missing-language", "title", b -> b.set("title", JSON.createObjectNode())),
            rule("text-too-long", "title.en", b -> ((ObjectNode) b.get("title")).put("en", "x".repeat(201))),
            rule("text-too-long", "summary.zh", b -> ((ObjectNode) b.get("summary")).put("zh", "长".repeat(2001))),
            rule("invalid-trl", "trl", b -> b.put("trl", 10)),
            rule("invalid-trl", "trl", b -> b.put("trl", 0)),
            rule("invalid-region", "region", b -> b.put("region", "33010")),
            rule("invalid-industry-code", "industryCode", b -> b.put("industryCode", "3841")),
            rule("invalid-keyword", "keywords[1]", b -> ((ArrayNode) b.get("keywords")).set(1, " ")),
            rule("invalid-email", "contact.email", b -> ((ObjectNode) b.get("contact")).put("email", "not-an-email")),
            rule("invalid-patent-office", "patents[0].office", b -> ((ObjectNode) b.at("/patents/0")).put("office", "China")),
            rule("open-licence-exclusive", "offer.transferModes", b -> b.put("openLicence", true)),
            rule("invalid-range", "offer.priceRange", b -> ((ObjectNode) b.get("offer")).set("priceRange",
                JSON.createObjectNode().put("min", "500.00").put("max", "400.00"))));
    }

    private static Arguments rule(String code, String field, Consumer<ObjectNode> change) {
        return Arguments.of(code, field, change);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("ruleViolations")
    void ruleViolationIs422WithCodeAndField(String code, String field, Consumer<ObjectNode> change) {
        api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body(change))).exchange()
            .expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.code").isEqualTo(code)
            .jsonPath("$.field").isEqualTo(field)
            .jsonPath("$.errors[0].field").isEqualTo(field)
            .jsonPath("$.type").isEqualTo("https://api.ttx.example/problems/" + code);
    }

    @Test
    void everyViolationIsListedAtOnce() {
        ObjectNode b = body(x -> { x.put("trl", 12); x.put("region", "x"); ((ArrayNode) x.get("ipcCodes")).set(0, "bad"); });
        api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(b)).exchange()
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors.length()").isEqualTo(3);
    }

    @Test
    void ownerOrganisationCodeIsChecked() {
        String badOrg = "12330100202401371F"; // wrong check character
        api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, "Bearer "
                + io.ttx.testsupport.Tokens.custom("someone", java.util.List.of("tto"), badOrg, "330100"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID).exchange()
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("invalid-uscc").jsonPath("$.field").isEqualTo("ownerOrg");
    }

    @Test
    void shapeErrorsAre400WithTheOffendingFields() {
        post(body(b -> b.put("trl", "six"))).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.code").isEqualTo("validation-failed").jsonPath("$.errors[0].field").isEqualTo("trl");
        post(body(b -> b.put("trl", 6.5))).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("trl");
        post(body(b -> b.put("field", "ROCKET_SCIENCE"))).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("field");
        post(body(b -> b.remove("title"))).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("title").jsonPath("$.errors[0].code").isEqualTo("required");
        post(body(b -> ((ObjectNode) b.at("/patents/0")).put("filingDate", "2023-02-30"))).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("patents[0].filingDate");
        post(body(b -> b.put("colour", "blue"))).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown-field");
    }

    /** A decomposed "é" (e + combining acute) is stored, and read back, as the composed one: in texts, lists, names and notes. */
    @Test
    void textsAreStoredNfcNormalised() {
        String decomposed = "Cafe\u0301 锂电池";
        String composed = "Caf\u00e9 锂电池";
        assertThat(decomposed).isNotEqualTo(composed);
        ObjectNode b = body(x -> {
            ((ObjectNode) x.get("title")).put("en", decomposed);
            x.put("problemSolved", decomposed);
            x.set("keywords", JSON.createArrayNode().add(decomposed).add(composed));
            ((ObjectNode) x.at("/inventors/0")).put("name", "Jose\u0301");
            ((ObjectNode) x.at("/encumbrances/0")).put("description", decomposed);
        });
        String id = create(api, bearer("tto"), b).get("id").asString();
        step(api, bearer("tto"), id, "submission", "{\"note\": \"" + decomposed + "\"}");
        JsonNode read = api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(read.at("/title/en").asString()).isEqualTo(composed);
        assertThat(read.get("problemSolved").asString()).isEqualTo(composed);
        assertThat(read.get("keywords").valueStream().map(JsonNode::asString).toList()).containsExactly(composed);
        assertThat(read.at("/inventors/0/name").asString()).isEqualTo("Jos\u00e9");
        assertThat(read.at("/encumbrances/0/description").asString()).isEqualTo(composed);
        JsonNode history = api.get().uri("/api/v1/achievements/{id}/history", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(history.at("/items/1/note").asString()).isEqualTo(composed);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(ObjectNode b) {
        return api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(b)).exchange();
    }
}
