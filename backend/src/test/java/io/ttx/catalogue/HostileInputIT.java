package io.ttx.catalogue;

import io.ttx.shared.web.Cursors;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Collections;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.ttx.catalogue.AchievementFixtures.JSON;
import static io.ttx.catalogue.AchievementFixtures.VALID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks that once pinned an event-loop thread for minutes with a request of a few bytes, and one case per input
 * bound (docs/decisions.md, Input bounds): each gets its 4xx problem and code within one second, refused before
 * anything is stored or any item of an oversized list is looked at.
 */
class HostileInputIT extends IntegrationTest {
    private static final String HUGE = "x".repeat(100_000);
    private static final String ACH = "/api/v1/achievements";
    private static final String DEM = "/api/v1/demands";
    /** A draft achievement of tto's organisation and a draft demand of enterprise's, made once for the cases on them. */
    private static String achievement;
    private static String demand;

    static Stream<Arguments> attacks() {
        String share = "{\"name\": \"王明\", \"share\": 60.5}";
        return Stream.of(
            Arguments.of("share 1e500000000", VALID.replace(share, "{\"name\": \"王明\", \"share\": 1e500000000}"), "invalid-share", "inventors[0].share"),
            Arguments.of("share 1e10000000", VALID.replace(share, "{\"name\": \"王明\", \"share\": 1e10000000}"), "invalid-share", "inventors[0].share"),
            Arguments.of("share 1e-500000000", VALID.replace(share, "{\"name\": \"王明\", \"share\": 1e-500000000}"), "amount-scale", "inventors[0].share"),
            Arguments.of("e-mail of 50,000 characters", VALID.replace("tto@example.edu.cn", "@" + "a".repeat(50_000)), "invalid-email", "contact.email"),
            // a fraction of 200,000 zeros took BigDecimal half a minute to strip
            Arguments.of("amount with 200,000 decimals", VALID.replace("\"1200000\"", "\"1." + "0".repeat(200_000) + "\""), "invalid-amount",
                "offer.askingPrice.amount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isRefusedWithinOneSecond(String attack, String body, String code, String field) {
        assertThat(VALID).isNotEqualTo(body);
        refused("tto", HttpMethod.POST, ACH, body).expectStatus().isEqualTo(422).expectBody()
            .jsonPath("$.code").isEqualTo(code).jsonPath("$.field").isEqualTo(field);
    }

    static Stream<Arguments> oversizedAchievements() {
        return Stream.of(
            achievement("10,000 keywords", "too-many-keywords", "keywords", b -> b.set("keywords", strings(10_000, "k"))),
            achievement("10,000 IPC codes", "too-many-ipc-codes", "ipcCodes", b -> b.set("ipcCodes", strings(10_000, "H01M 10/48"))),
            achievement("10,000 inventors", "too-many-inventors", "inventors", b -> b.set("inventors", objects(10_000, "{\"name\": \"A\", \"share\": 1}"))),
            achievement("10,000 patents", "too-many-patents", "patents", b -> b.set("patents", objects(10_000, "{\"office\": \"CN\", \"applicationNumber\": \"1\"}"))),
            achievement("10,000 co-owners", "too-many-co-owners", "patents[0].coOwners",
                b -> ((ObjectNode) b.at("/patents/0")).set("coOwners", objects(10_000, "{\"name\": \"x\"}"))),
            achievement("10,000 encumbrances", "too-many-encumbrances", "encumbrances", b -> b.set("encumbrances", objects(10_000, "{\"type\": \"OTHER\"}"))),
            achievement("10,000 transfer modes", "too-many-items", "offer.transferModes",
                b -> ((ObjectNode) b.get("offer")).set("transferModes", strings(10_000, "EQUITY"))),
            achievement("100,000-character title.zh", "text-too-long", "title.zh", b -> ((ObjectNode) b.get("title")).put("zh", HUGE)),
            achievement("100,000-character title.en", "text-too-long", "title.en", b -> ((ObjectNode) b.get("title")).put("en", HUGE)),
            achievement("100,000-character summary.zh", "text-too-long", "summary.zh", b -> ((ObjectNode) b.get("summary")).put("zh", HUGE)),
            achievement("100,000-character summary.en", "text-too-long", "summary.en", b -> ((ObjectNode) b.get("summary")).put("en", HUGE)),
            achievement("100,000-character problemSolved", "text-too-long", "problemSolved", b -> b.put("problemSolved", HUGE)),
            achievement("100,000-character advantages", "text-too-long", "advantages", b -> b.put("advantages", HUGE)),
            achievement("100,000-character technicalIndicators", "text-too-long", "technicalIndicators", b -> b.put("technicalIndicators", HUGE)),
            achievement("100,000-character applications", "text-too-long", "applications", b -> b.put("applications", HUGE)),
            achievement("100,000-character commercialAnalysis", "text-too-long", "commercialAnalysis", b -> b.put("commercialAnalysis", HUGE)),
            achievement("100,000-character keyword", "invalid-keyword", "keywords[0]", b -> ((ArrayNode) b.get("keywords")).set(0, HUGE)),
            achievement("100,000-character IPC code", "invalid-ipc", "ipcCodes[0]", b -> ((ArrayNode) b.get("ipcCodes")).set(0, "H01M" + " ".repeat(100_000) + "10/48")),
            achievement("100,000-character industry code", "invalid-industry-code", "industryCode", b -> b.put("industryCode", HUGE)),
            achievement("100,000-character region", "invalid-region", "region", b -> b.put("region", "3".repeat(100_000))),
            achievement("100,000-character inventor name", "text-too-long", "inventors[0].name", b -> ((ObjectNode) b.at("/inventors/0")).put("name", HUGE)),
            achievement("100,000-character contact name", "text-too-long", "contact.name", b -> ((ObjectNode) b.get("contact")).put("name", HUGE)),
            achievement("100,000-character phone", "invalid-phone", "contact.phone", b -> ((ObjectNode) b.get("contact")).put("phone", "1".repeat(100_000))),
            achievement("100,000-character patent office", "invalid-patent-office", "patents[0].office", b -> ((ObjectNode) b.at("/patents/0")).put("office", HUGE)),
            achievement("100,000-character application number", "text-too-long", "patents[0].applicationNumber",
                b -> ((ObjectNode) b.at("/patents/0")).put("applicationNumber", HUGE)),
            achievement("100,000-character publication number", "text-too-long", "patents[0].publicationNumber",
                b -> ((ObjectNode) b.at("/patents/0")).put("publicationNumber", HUGE)),
            achievement("100,000-character kind code", "invalid-kind-code", "patents[0].kind", b -> ((ObjectNode) b.at("/patents/0")).put("kind", HUGE)),
            achievement("100,000-character co-owner name", "text-too-long", "patents[0].coOwners[0].name",
                b -> ((ObjectNode) b.at("/patents/0/coOwners/0")).put("name", HUGE)),
            achievement("100,000-character co-owner credit code", "invalid-uscc", "patents[0].coOwners[0].uscc",
                b -> ((ObjectNode) b.at("/patents/0/coOwners/0")).put("uscc", HUGE)),
            achievement("100,000-character encumbrance", "text-too-long", "encumbrances[0].description",
                b -> ((ObjectNode) b.at("/encumbrances/0")).put("description", HUGE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedAchievements")
    void anOversizedAchievementIsRefusedWithinOneSecond(String attack, String code, String field, String body) {
        refused("tto", HttpMethod.POST, ACH, body).expectStatus().isEqualTo(422).expectBody()
            .jsonPath("$.code").isEqualTo(code).jsonPath("$.field").isEqualTo(field);
    }

    static Stream<Arguments> oversizedDemands() {
        return Stream.of(
            demand("10,000 keywords", "too-many-keywords", "keywords", b -> b.set("keywords", strings(10_000, "k"))),
            demand("10,000 cooperation modes", "too-many-items", "cooperationModes", b -> b.set("cooperationModes", strings(10_000, "EQUITY"))),
            demand("100,000-character title.en", "text-too-long", "title.en", b -> ((ObjectNode) b.get("title")).put("en", HUGE)),
            demand("100,000-character summary.zh", "text-too-long", "summary.zh", b -> ((ObjectNode) b.get("summary")).put("zh", HUGE)),
            demand("100,000-character technicalIndicators", "text-too-long", "technicalIndicators", b -> b.put("technicalIndicators", HUGE)),
            demand("100,000-character problemToSolve", "text-too-long", "problemToSolve", b -> b.put("problemToSolve", HUGE)),
            demand("100,000-character currentBasis", "text-too-long", "currentBasis", b -> b.put("currentBasis", HUGE)),
            demand("budget of 100,000 digits", "invalid-amount", "budgetRange.max", b -> ((ObjectNode) b.get("budgetRange")).put("max", "1".repeat(100_000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedDemands")
    void anOversizedDemandIsRefusedWithinOneSecond(String attack, String code, String field, String body) {
        refused("enterprise", HttpMethod.POST, DEM, body).expectStatus().isEqualTo(422).expectBody()
            .jsonPath("$.code").isEqualTo(code).jsonPath("$.field").isEqualTo(field);
    }

    /** Requests on an existing listing: {A} stands for tto's draft achievement, {D} for enterprise's draft demand. */
    static Stream<Arguments> onListings() {
        String note = "{\"note\": \"" + HUGE + "\"}";
        String review = "{\"decision\": \"APPROVE\", \"note\": \"" + HUGE + "\"}";
        String keywords = "{\"keywords\": " + strings(10_000, "k") + "}";
        return Stream.of(
            Arguments.of("achievement submission note", "tto", HttpMethod.POST, ACH + "/{A}/submission", note, "note"),
            Arguments.of("achievement withdrawal note", "tto", HttpMethod.POST, ACH + "/{A}/withdrawal", note, "note"),
            Arguments.of("achievement renewal note", "tto", HttpMethod.POST, ACH + "/{A}/renewal", note, "note"),
            Arguments.of("achievement review note", "broker", HttpMethod.POST, ACH + "/{A}/review", review, "note"),
            Arguments.of("achievement merge patch with 10,000 keywords", "tto", HttpMethod.PATCH, ACH + "/{A}", keywords, "keywords"),
            Arguments.of("demand submission note", "enterprise", HttpMethod.POST, DEM + "/{D}/submission", note, "note"),
            Arguments.of("demand withdrawal note", "enterprise", HttpMethod.POST, DEM + "/{D}/withdrawal", note, "note"),
            Arguments.of("demand renewal note", "enterprise", HttpMethod.POST, DEM + "/{D}/renewal", note, "note"),
            Arguments.of("demand review note", "broker", HttpMethod.POST, DEM + "/{D}/review", review, "note"),
            Arguments.of("demand merge patch with 10,000 keywords", "enterprise", HttpMethod.PATCH, DEM + "/{D}", keywords, "keywords"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onListings")
    void anOversizedNoteOrPatchIsRefusedWithinOneSecond(String attack, String role, HttpMethod method, String path, String body, String field) {
        String code = field.equals("note") ? "text-too-long" : "too-many-keywords";
        refused(role, method, listing(path), body).expectStatus().isEqualTo(422).expectBody()
            .jsonPath("$.code").isEqualTo(code).jsonPath("$.field").isEqualTo(field);
    }

    /** Query parameters and the bodies of the other capabilities: shape errors, 400 naming the parameter or field. */
    static Stream<Arguments> badRequests() {
        String regions = String.join(",", Collections.nCopies(5_000, "330100"));
        String savedSearch = "{\"name\": \"n\", \"query\": {\"region\": " + strings(10_000, "330100") + "}}";
        return Stream.of(
            Arguments.of("1,000 listing statuses", "tto", HttpMethod.GET, ACH + "?mine=true&status=" + String.join(",", Collections.nCopies(1_000, "DRAFT")),
                null, "status", "too-many"),
            Arguments.of("30,000-character cursor", "tto", HttpMethod.GET, DEM + "?mine=true&cursor=" + "A".repeat(30_000), null, "cursor", "invalid-cursor"),
            Arguments.of("5,000 search regions", "tto", HttpMethod.GET, "/api/v1/search/achievements?region=" + regions, null, "region", "too-many"),
            Arguments.of("5,000 IPC prefixes", "tto", HttpMethod.GET, "/api/v1/search/achievements?ipc=" + String.join(",", Collections.nCopies(5_000, "H01M")),
                null, "ipc", "too-many"),
            Arguments.of("5,000 fields", "tto", HttpMethod.GET, "/api/v1/search/achievements?field=" + String.join(",", Collections.nCopies(5_000, "NEW_ENERGY")),
                null, "field", "too-many"),
            Arguments.of("price of 30,000 decimals", "tto", HttpMethod.GET, "/api/v1/search/achievements?priceMin=1." + "0".repeat(30_000), null, "priceMin", "invalid"),
            Arguments.of("search cursor of 3,000 sort values", "tto", HttpMethod.GET, "/api/v1/search/achievements?cursor="
                + Cursors.ofValues(Collections.nCopies(3_000, "s")), null, "cursor", "invalid-cursor"),
            Arguments.of("saved search of 10,000 regions", "tto", HttpMethod.POST, "/api/v1/saved-searches", savedSearch, "query.region", "size"),
            Arguments.of("saved search name of 100,000 characters", "tto", HttpMethod.POST, "/api/v1/saved-searches",
                "{\"name\": \"" + HUGE + "\", \"query\": {}}", "name", "size"),
            Arguments.of("reindex of 10,000 indices", "admin", HttpMethod.POST, "/api/v1/admin/search/reindex", "{\"indices\": " + strings(10_000, "demands") + "}",
                "indices", "size"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void anOversizedParameterIsA400WithinOneSecond(String attack, String role, HttpMethod method, String path, String body, String field, String code) {
        refused(role, method, path, body).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.code").isEqualTo("validation-failed").jsonPath("$.errors[0].field").isEqualTo(field).jsonPath("$.errors[0].code").isEqualTo(code);
    }

    static Stream<Arguments> oversizedValuations() {
        // entries that are not decimals: the list itself is named, so no entry was parsed
        String flows = "{\"methods\": {\"incomeDcf\": {\"discountRate\": \"0.1\", \"cashFlows\": " + strings(10_000, "x") + "}}}";
        String comparables = "{\"methods\": {\"market\": {\"comparables\": " + objects(10_000, "{\"price\": \"x\", \"weight\": \"x\"}") + "}}}";
        StringBuilder factors = new StringBuilder();
        for (int i = 0; i < 10_000; i++) factors.append(i == 0 ? "" : ",").append("\"a").append(i).append("\": \"1.01\"");
        String adjustments = "{\"methods\": {\"market\": {\"comparables\": [{\"price\": \"1\", \"weight\": \"1\", \"adjustments\": {" + factors + "}}]}}}";
        return Stream.of(
            Arguments.of("10,000 cash flows", flows, "invalid-valuation-input", "methods.incomeDcf.cashFlows"),
            Arguments.of("10,000 comparables", comparables, "invalid-valuation-input", "methods.market.comparables"),
            Arguments.of("10,000 adjustments", adjustments, "too-many-items", "methods.market.comparables[0].adjustments"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedValuations")
    void anOversizedValuationIsRefusedWithinOneSecond(String attack, String body, String code, String field) {
        refused("tto", HttpMethod.POST, listing(ACH + "/{A}/valuations"), body).expectStatus().isEqualTo(422).expectBody()
            .jsonPath("$.code").isEqualTo(code).jsonPath("$.field").isEqualTo(field);
    }

    /** An upload is a file and its confidentiality: 1,000 form fields are refused when the eleventh part starts. */
    @Test
    void anUploadOfAThousandPartsIsA400WithinOneSecond() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1_000; i++) body.append("--xyz\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        body.append("--xyz--\r\n");
        Supplier<WebTestClient.ResponseSpec> upload = () -> api.post().uri(listing(ACH + "/{A}/documents"))
            .header(HttpHeaders.AUTHORIZATION, bearer("tto")).contentType(MediaType.parseMediaType("multipart/form-data; boundary=xyz"))
            .bodyValue(body.toString()).exchange();
        upload.get().expectStatus().isBadRequest();
        long started = System.nanoTime();
        // without the part limit every field would be read and drained, and the answer would be that the file is missing
        upload.get().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("validation-failed")
            .jsonPath("$.errors[0].field").isEqualTo("$").jsonPath("$.errors[0].code").isEqualTo("unreadable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    /** Sends the request twice: once to warm up (token, connections, JIT), then timed. */
    private WebTestClient.ResponseSpec refused(String role, HttpMethod method, String path, String body) {
        exchange(role, method, path, body).expectStatus().is4xxClientError();
        long started = System.nanoTime();
        WebTestClient.ResponseSpec spec = exchange(role, method, path, body);
        spec.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        return spec;
    }

    private WebTestClient.ResponseSpec exchange(String role, HttpMethod method, String path, String body) {
        var spec = api.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, bearer(role));
        if (method == HttpMethod.PATCH) spec = spec.header(HttpHeaders.IF_MATCH, "\"1\"");
        if (body == null) return spec.exchange();
        MediaType type = method == HttpMethod.PATCH ? MediaType.parseMediaType("application/merge-patch+json") : MediaType.APPLICATION_JSON;
        return spec.contentType(type).bodyValue(body).exchange();
    }

    private String listing(String path) {
        if (achievement == null) achievement = created(ACH, "tto", VALID);
        if (demand == null) demand = created(DEM, "enterprise", DemandsIT.body().toString());
        return path.replace("{A}", achievement).replace("{D}", demand);
    }

    private String created(String path, String role, String body) {
        JsonNode d = api.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(role)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
            .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return d.get("id").asString();
    }

    private static Arguments achievement(String attack, String code, String field, Consumer<ObjectNode> change) {
        return Arguments.of(attack, code, field, JSON.writeValueAsString(AchievementFixtures.body(change)));
    }

    private static Arguments demand(String attack, String code, String field, Consumer<ObjectNode> change) {
        ObjectNode b = DemandsIT.body();
        change.accept(b);
        return Arguments.of(attack, code, field, JSON.writeValueAsString(b));
    }

    private static ArrayNode strings(int n, String value) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < n; i++) a.add(value);
        return a;
    }

    private static ArrayNode objects(int n, String json) {
        ArrayNode a = JSON.createArrayNode();
        JsonNode item = JSON.readTree(json);
        for (int i = 0; i < n; i++) a.add(item.deepCopy());
        return a;
    }
}
