package io.ttx.search;

import io.ttx.testsupport.ContractConformance;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.SecondPlatform;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static io.ttx.search.SearchSteps.texts;
import static io.ttx.search.SearchSteps.words;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docking on a regional platform with a dozen achievements (the second platform: a catalogue of its own): the
 * lithium-battery achievement finds the battery thermal-management one, which shares little text with it but its
 * field and province, in all three directions; a listing of the same field sharing no term comes after it with the
 * field as its only reason; listings of other fields sharing nothing come after it or not at all.
 */
class SmallCatalogueDockingIT extends IntegrationTest {
    @LocalServerPort
    int port;

    static final String ORG = TestOrgs.university();
    static final String BUYER_ORG = TestOrgs.random("91", "370100");
    static String source;
    static String related;
    static String sameFieldOnly;
    static List<String> unrelated;
    static String demand;
    static String unrelatedDemand;

    WebTestClient second() {
        SecondPlatform.start("http://127.0.0.1:" + port);
        return WebTestClient.bindToServer().baseUrl(SecondPlatform.url()).filter(new ContractConformance()).responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    /** Tokens made now: the second platform keeps the real clock. */
    static String owner() {
        return "Bearer " + Tokens.custom("small-owner", List.of("tto"), ORG, "370100");
    }

    static String buyer() {
        return "Bearer " + Tokens.custom("small-buyer", List.of("enterprise"), BUYER_ORG, "370100");
    }

    String achievement(WebTestClient platform, String zh, String en, String summaryZh, String summaryEn, List<String> keywords, String field,
                       String region) {
        Consumer<ObjectNode> change = b -> {
            b.set("title", texts(zh, en));
            b.set("summary", texts(summaryZh, summaryEn));
            b.set("keywords", words(keywords.toArray(String[]::new)));
            b.put("field", field);
            b.put("region", region);
        };
        return SearchSteps.publishAchievement(platform, owner(), bearer("broker"), change);
    }

    void catalogue(WebTestClient b) {
        if (source != null) return;
        source = achievement(b, "基于深度学习的锂电池健康状态预测方法", "Deep-learning prediction of lithium battery state of health",
            "利用充放电曲线在线估计锂电池健康状态。", "Online state-of-health estimation from charge curves.", List.of("锂电池", "battery", "deep learning"),
            "NEW_ENERGY", "370100");
        related = achievement(b, "新能源汽车电池热管理系统", "Thermal management system for electric vehicle batteries",
            "液冷板与相变材料协同控温。", "Liquid cold plates with phase-change material.", List.of("热管理", "thermal management"), "NEW_ENERGY", "370200");
        sameFieldOnly = achievement(b, "风电叶片防冰涂层", "Anti-icing coating for wind turbine blades", "低温下防止覆冰。", "Stops ice build-up in frost.",
            List.of("防冰", "anti-icing"), "NEW_ENERGY", "110000");
        unrelated = List.of(
            achievement(b, "小麦赤霉病抗性基因标记", "Marker for wheat head blight resistance", "分子标记辅助育种。", "Marker-assisted breeding.",
                List.of("小麦", "wheat"), "RESOURCES_ENVIRONMENT", "370100"),
            achievement(b, "高速列车轴承故障诊断", "Fault diagnosis of high-speed train bearings", "振动信号分析。", "Vibration signal analysis.",
                List.of("轴承", "bearing"), "ADVANCED_MANUFACTURING", "370100"),
            achievement(b, "抗肿瘤单克隆抗体纯化工艺", "Purification of anti-tumour monoclonal antibodies", "层析步骤减少。", "Fewer chromatography steps.",
                List.of("抗体", "antibody"), "BIO_MEDICINE", "370100"),
            achievement(b, "城市污水除磷工艺", "Phosphorus removal from municipal sewage", "化学沉淀结合生物处理。", "Chemical precipitation with biology.",
                List.of("污水", "sewage"), "RESOURCES_ENVIRONMENT", "370100"),
            achievement(b, "文物数字化三维扫描", "3D scanning for heritage digitisation", "高精度纹理采集。", "High-precision texture capture.",
                List.of("文物", "heritage"), "ELECTRONIC_INFORMATION", "370100"),
            achievement(b, "钛合金激光增材制造", "Laser additive manufacturing of titanium alloys", "致密零件成形。", "Dense part forming.",
                List.of("钛合金", "titanium"), "NEW_MATERIALS", "370100"),
            achievement(b, "茶叶品质近红外检测", "Near-infrared grading of tea quality", "无损快速分级。", "Fast non-destructive grading.",
                List.of("茶叶", "tea"), "RESOURCES_ENVIRONMENT", "370100"),
            achievement(b, "桥梁索力无线监测", "Wireless monitoring of bridge cable forces", "长期结构健康评估。", "Long-term structural assessment.",
                List.of("桥梁", "bridge"), "ADVANCED_MANUFACTURING", "370100"),
            achievement(b, "区块链电子票据存证", "Blockchain notarisation of e-invoices", "防篡改追溯。", "Tamper-proof tracing.",
                List.of("区块链", "blockchain"), "ELECTRONIC_INFORMATION", "370100"));
        demand = SearchSteps.publishDemand(b, buyer(), d -> {
            d.set("title", texts("征集动力电池热失控预警技术", "Wanted: thermal runaway warning for traction batteries"));
            d.set("summary", texts("提前发现电芯异常温升。", "Early detection of abnormal cell heating."));
            d.set("keywords", words("热失控", "thermal runaway"));
            d.put("region", "370000");
            d.remove("budgetRange");
            d.set("budget", SearchSteps.JSON.createObjectNode().put("amount", "2000000").put("currency", "CNY"));
        });
        unrelatedDemand = SearchSteps.publishDemand(b, buyer(), d -> {
            d.set("title", texts("征集中药材重金属快速检测方法", "Wanted: rapid heavy-metal testing of herbal medicines"));
            d.set("summary", texts("现场筛查。", "On-site screening."));
            d.set("keywords", words("中药材", "herbal"));
            d.put("field", "BIO_MEDICINE");
            d.put("region", "440000");
            d.remove("budgetRange");
            d.set("budget", SearchSteps.JSON.createObjectNode().put("amount", "2000000").put("currency", "CNY"));
        });
    }

    JsonNode page(WebTestClient b, String uri, String id, String bearer) {
        return b.get().uri(uri, id).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
    }

    /** Polls until the page lists {@code expected} (indexing is asynchronous), then checks that it comes first. */
    JsonNode first(WebTestClient b, String uri, String id, String bearer, String expected) {
        JsonNode[] last = new JsonNode[1];
        eventually(Duration.ofSeconds(30), () -> {
            last[0] = page(b, uri, id, bearer);
            assertThat(SearchSteps.ids(last[0])).contains(expected);
        });
        List<String> ids = SearchSteps.ids(last[0]);
        assertThat(ids.getFirst()).as("the related listing ranks above every other one").isEqualTo(expected);
        return last[0];
    }

    @Test
    void similarFindsTheRelatedAchievementFirstAndTheSameFieldAloneBelowIt() {
        WebTestClient b = second();
        catalogue(b);
        JsonNode similar = first(b, "/api/v1/achievements/{id}/similar", source, owner(), related);
        List<String> ids = SearchSteps.ids(similar);
        assertThat(ids).doesNotContain(source).contains(sameFieldOnly);
        for (String u : unrelated) {
            if (ids.contains(u)) assertThat(ids.indexOf(u)).isGreaterThan(ids.indexOf(related));
        }
        JsonNode top = similar.at("/items/0/reason");
        assertThat(top.get("fields").toString()).contains("field");
        assertThat(top.get("matchedTerms")).as("it shares a word or two: 电池, batteries").isNotEmpty();
        JsonNode fieldOnly = similar.get("items").get(ids.indexOf(sameFieldOnly)).get("reason");
        assertThat(fieldOnly.get("matchedTerms")).isEmpty();
        assertThat(fieldOnly.get("fields").toString()).isEqualTo("[\"field\"]");
    }

    @Test
    void aDemandFindsTheRelatedAchievementsAndTheAchievementFindsTheDemand() {
        WebTestClient b = second();
        catalogue(b);
        eventually(Duration.ofSeconds(30), () -> assertThat(SearchSteps.ids(page(b, "/api/v1/demands/{id}/matches", demand, buyer())))
            .contains(source, related));
        List<String> matches = SearchSteps.ids(page(b, "/api/v1/demands/{id}/matches", demand, buyer()));
        assertThat(matches.subList(0, 2)).as("the two battery achievements first").containsExactlyInAnyOrder(source, related);
        for (String u : unrelated) {
            if (matches.contains(u)) assertThat(matches.indexOf(u)).isGreaterThan(1);
        }
        JsonNode demands = first(b, "/api/v1/achievements/{id}/demand-matches", related, owner(), demand);
        List<String> ids = SearchSteps.ids(demands);
        if (ids.contains(unrelatedDemand)) assertThat(ids.indexOf(unrelatedDemand)).isGreaterThan(0);
        assertThat(demands.at("/items/0/reason/matchedTerms")).isNotEmpty();
    }
}
