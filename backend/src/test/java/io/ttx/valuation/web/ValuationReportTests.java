package io.ttx.valuation.web;

import io.ttx.valuation.TestValuations;
import io.ttx.valuation.ValuationView;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ValuationReportTests {

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static String histogram(String html) {
        int start = html.indexOf("<svg class=\"chart histogram\"");
        return start < 0 ? "" : html.substring(start, html.indexOf("</svg>", start));
    }

    @Test
    void showsTheRecommendedRangeEveryMethodAndTheirCharts() {
        ValuationView v = TestValuations.view(TestValuations.allMethods(10_000), 5, false);
        String html = ValuationReport.render(v);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(html).contains("<span class=\"low\">1,863,912.17</span>", "<span class=\"high\">2,384,836.54</span>");
        assertThat(html).contains("id=\"incomeDcf\"", "id=\"reliefFromRoyalty\"", "id=\"rnpv\"", "id=\"cost\"", "id=\"market\"",
            "id=\"realOption\"");
        assertThat(html).contains("5,804,612.95", "0.8928571429", "1,021,368.34", "104,505.84", "1,063,697.73");
        assertThat(count(html, "<svg class=\"chart cash-flow\"")).isEqualTo(3);
        assertThat(count(histogram(html), "class=\"bar\"")).isEqualTo(20);
        assertThat(count(html, "class=\"bar\"")).isEqualTo(20);
    }

    @Test
    void isSelfContained() {
        String html = ValuationReport.render(TestValuations.view(TestValuations.allMethods(1_000), 5, false));

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("http:").doesNotContain("https:")
            .doesNotContain("src=").doesNotContain("href=").doesNotContain("url(");
    }

    @Test
    void withoutMonteCarloThereIsNoHistogram() {
        String html = ValuationReport.render(TestValuations.view(TestValuations.allMethods(1_000)
            .replace(", \"monteCarlo\": {\"paths\": 1000, \"seed\": 7}", ""), 5, false));

        assertThat(html).doesNotContain("chart histogram").contains("104,505.84");
    }

    @Test
    void escapesEveryUserText() {
        String json = """
            {"methods": {"market": {"comparables": [{"price": "1000", "weight": "1",
              "adjustments": {"<script>alert('x')</script>": "1.1", "a&b \\"q\\"": "0.9"}}]}}}""";
        String html = ValuationReport.render(TestValuations.view(json, 5, false));

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
            .contains("a&amp;b &quot;q&quot;");
    }

    @Test
    void groupsThousandsKeepingEveryDigit() {
        assertThat(Html.grouped("1863912.17")).isEqualTo("1,863,912.17");
        assertThat(Html.grouped("-1818181.82")).isEqualTo("-1,818,181.82");
        assertThat(Html.grouped("999")).isEqualTo("999");
        assertThat(Html.grouped("124206716646305.77")).isEqualTo("124,206,716,646,305.77");
        assertThat(Html.grouped("0.0500")).isEqualTo("0.0500");
        assertThat(Html.grouped("<b>")).isEqualTo("&lt;b&gt;");
    }
}
