package io.ttx.catalogue;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/** A valid achievement body and small steps over the API, shared by the catalogue integration tests. */
final class AchievementFixtures {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String VALID = """
        {
          "title": {"zh": "基于深度学习的锂电池健康状态预测方法", "en": "Deep-learning prediction of lithium battery state of health"},
          "summary": {"zh": "利用充放电曲线在线估计锂电池健康状态。", "en": "Online state-of-health estimation from charge curves."},
          "problemSolved": "Ageing is detected too late.", "advantages": "No extra sensors.",
          "technicalIndicators": "SOH error below 2 %", "applications": "Energy storage",
          "keywords": ["锂电池", "battery", "deep learning"],
          "field": "NEW_ENERGY",
          "ipcCodes": ["h01m10/48", "G06N 3/08"],
          "industryCode": "C3841",
          "region": "330100",
          "trl": 6, "stage": "PILOT", "form": "PATENT",
          "inventors": [{"name": "王明", "share": 60.5}, {"name": "Li Hua", "share": 39.5}],
          "contact": {"name": "张老师", "email": "tto@example.edu.cn", "phone": "+86-571-8888-0000"},
          "patents": [{"office": "CN", "applicationNumber": "CN202310123456.7", "publicationNumber": "CN116000000A",
                       "kind": "A", "filingDate": "2023-02-01", "legalStatus": "PENDING",
                       "coOwners": [{"name": "浙江示范大学", "uscc": "12330100202401371E"}]}],
          "encumbrances": [{"type": "PLEDGE", "description": "pledged to a bank until 2027"}],
          "openLicence": false,
          "offer": {"transferModes": ["EXCLUSIVE_LICENCE", "ASSIGNMENT"], "tradeMethod": "NEGOTIATED",
                    "askingPrice": {"amount": "1200000", "currency": "CNY"}}
        }""";

    private AchievementFixtures() { }

    static ObjectNode body() {
        return (ObjectNode) JSON.readTree(VALID);
    }

    static ObjectNode body(Consumer<ObjectNode> change) {
        ObjectNode b = body();
        change.accept(b);
        return b;
    }

    static JsonNode create(WebTestClient api, String bearer, ObjectNode body) {
        return api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, bearer)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body)).exchange()
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static JsonNode step(WebTestClient api, String bearer, String id, String step, String json) {
        var spec = api.post().uri("/api/v1/achievements/{id}/{step}", id, step).header(HttpHeaders.AUTHORIZATION, bearer);
        var exchange = json == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
        return exchange.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Creates, submits and approves: a PUBLISHED achievement of the given owner. */
    static JsonNode published(WebTestClient api, String ownerBearer, String brokerBearer) {
        String id = create(api, ownerBearer, body()).get("id").asString();
        step(api, ownerBearer, id, "submission", null);
        return step(api, brokerBearer, id, "review", "{\"decision\":\"APPROVE\",\"note\":\"ok\"}");
    }
}
