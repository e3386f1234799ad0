package io.ttx.brokerage;

import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static io.ttx.brokerage.DealSteps.money;
import static org.assertj.core.api.Assertions.assertThat;

/** A fixed-price deal taken at its asking price, closed, and then a platform comparable in its field's market valuations. */
class DealPlatformIT extends IntegrationTest {

    @Test
    void aClosedFixedPriceDealBecomesAPlatformComparableOfItsField() {
        DealSteps s = new DealSteps(api);
        String achievement = s.achievement(b -> {
            b.put("field", "AEROSPACE");
            ObjectNode offer = (ObjectNode) b.get("offer");
            offer.put("tradeMethod", "FIXED_PRICE");
            offer.putArray("transferModes").add("ORDINARY_LICENCE");
            offer.set("askingPrice", DealSteps.JSON.readTree(money("1234567.89")));
        });
        String id = s.opened(achievement, "ORDINARY_LICENCE").get("id").asString();
        s.refused(s.buyer, id, "{\"type\":\"ACCEPT_ASKING_PRICE\"}", 409, "illegal-transition");
        s.ok(s.broker, id, "{\"type\":\"CLAIM\"}");
        JsonNode agreed = s.ok(s.buyer, id, "{\"type\":\"ACCEPT_ASKING_PRICE\"}");
        assertThat(agreed.get("stage").asString()).isEqualTo("TERMS_AGREED");
        assertThat(agreed.get("termSheet").get("upfront").get("amount").asString()).isEqualTo("1234567.89");
        assertThat(agreed.get("termSheet").get("territory").get(0).asString()).isEqualTo("CN");
        s.ok(s.tto, id, "{\"type\":\"SIGN_CONTRACT\"}");
        JsonNode signed = s.ok(s.buyer, id, "{\"type\":\"SIGN_CONTRACT\"}");
        // 0.05 x 1,234,567.89 = 61,728.3945 -> 61,728.39
        assertThat(signed.get("commission").get("amount").asString()).isEqualTo("61728.39");
        s.ok(s.broker, id, "{\"type\":\"REGISTER_CONTRACT\",\"registrationNumber\":\"R-2\",\"registeredOn\":\"2026-12-01\","
            + "\"contractType\":\"LICENSING\",\"contractValue\":" + money("1234567.89") + ",\"technicalIncome\":" + money("1000000.00") + "}");
        s.ok(s.tto, id, "{\"type\":\"RECORD_PAYMENT\",\"kind\":\"UPFRONT\",\"amount\":" + money("1234567.89") + ",\"paidOn\":\"2026-12-01\"}");
        s.ok(s.tto, id, "{\"type\":\"CLOSE\"}");

        JsonNode valuation = api.post().uri("/api/v1/achievements/{id}/valuations", achievement).header(HttpHeaders.AUTHORIZATION, s.tto)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"trlAdjustment\":\"NONE\",\"methods\":{\"market\":{\"comparables\":[{\"price\":\"1000000\",\"weight\":\"1\"}],"
                + "\"includePlatformDeals\":true}}}")
            .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> platform = new ArrayList<>();
        valuation.get("results").get("market").get("platformDeals").forEach(d -> platform.add(d.get("dealId").asString() + "=" + d.get("price").asString()));
        assertThat(platform).contains(id + "=1234567.89");
    }
}
