package io.ttx.valuation;

import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ttx.valuation.ValuationSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The printable report: self-contained HTML with the figures, the charts and every user text escaped. */
class ValuationReportIT extends IntegrationTest {

    @Test
    void rendersFiguresChartsAndAHistogramOfTwentyBars() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        String body = TestValuations.allMethods(20_000).replace("\"exclusivity\": \"0.8\"",
            "\"exclusivity\": \"0.8\", \"<script>alert('年')</script>\": \"1\"");
        String id = value(api, bearer("tto"), achievement, body).get("id").asString();

        var result = api.get().uri("/api/v1/valuations/{id}/report", id).header(HttpHeaders.AUTHORIZATION, bearer("auditor"))
            .accept(MediaType.TEXT_HTML).exchange()
            .expectStatus().isOk()
            .expectHeader().contentType("text/html;charset=UTF-8")
            .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'none'.*")
            .expectBody(byte[].class).returnResult();
        String html = new String(result.getResponseBody(), StandardCharsets.UTF_8);

        assertThat(html).contains("1,863,912.17", "2,384,836.54", "5,804,612.95", "104,505.84");
        assertThat(html).contains("<svg class=\"chart cash-flow\"", "<svg class=\"chart histogram\"");
        assertThat(count(html, "class=\"bar\"")).isEqualTo(20);
        assertThat(html).contains("&lt;script&gt;alert(&#39;年&#39;)&lt;/script&gt;").doesNotContain("<script");
        assertThat(html).doesNotContain("http:").doesNotContain("https:");
    }

    @Test
    void errorsOfTheReportAreProblems() {
        api.get().uri("/api/v1/valuations/val_00000000000000000000/report").header(HttpHeaders.AUTHORIZATION, bearer("admin"))
            .exchange().expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("not-found");
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        String id = value(api, bearer("tto"), achievement, DCF).get("id").asString();
        call(api, HttpMethod.GET, bearer("enterprise"), "/api/v1/valuations/" + id + "/report", null).expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get().uri("/api/v1/valuations/{id}/report", id).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
            .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isEqualTo(406)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
