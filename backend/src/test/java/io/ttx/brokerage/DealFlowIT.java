package io.ttx.brokerage;

import io.ttx.documents.Pdfs;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ttx.brokerage.DealSteps.money;
import static org.assertj.core.api.Assertions.assertThat;

/** A whole deal over the API on the dev stack: inquiry to CLOSED, with the NDA gate, counter-offers, payments and royalties. */
class DealFlowIT extends IntegrationTest {
    private DealSteps s;

    @BeforeEach
    void people() {
        s = new DealSteps(api);
    }

    @Test
    void fromInquiryToClosedWithNdaGatedMaterialCounterOffersPaymentsAndARoyaltyYear() {
        String achievement = s.achievement();
        String confidential = upload(achievement, "CONFIDENTIAL");

        JsonNode opened = s.open(s.buyer, achievement, "EXCLUSIVE_LICENCE").expectStatus().isCreated()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"").expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = opened.get("id").asString();
        assertThat(opened.get("stage").asString()).isEqualTo("INQUIRY");
        assertThat(opened.get("sellerOrg").asString()).isEqualTo(s.sellerOrg);
        assertThat(opened.get("buyerOrg").asString()).isEqualTo(s.buyerOrg);
        assertThat(opened.get("broker").isNull()).isTrue();
        assertThat(opened.get("termSheet").isNull()).isTrue();
        assertThat(opened.get("commission").isNull()).isTrue();
        assertThat(opened.get("ndaSignedBy")).isEmpty();

        // before the NDA the buyer sees neither the contact nor the confidential document
        assertThat(achievementAs(s.buyer, achievement).has("contact")).isFalse();
        assertThat(documentIds(s.buyer, achievement)).doesNotContain(confidential);

        JsonNode claimed = s.ok(s.broker, id, "{\"type\":\"CLAIM\"}");
        assertThat(claimed.get("stage").asString()).isEqualTo("BROKER_ASSIGNED");
        assertThat(claimed.get("broker").get("org").asString()).isEqualTo(s.brokerOrg);
        s.ok(s.tto, id, "{\"type\":\"SIGN_NDA\",\"signatory\":\"王处长\",\"ndaVersion\":\"v1\"}");
        assertThat(achievementAs(s.buyer, achievement).has("contact")).isFalse();
        JsonNode nda = s.ok(s.buyer, id, "{\"type\":\"SIGN_NDA\",\"signatory\":\"李经理\",\"ndaVersion\":\"v1\"}");
        assertThat(nda.get("stage").asString()).isEqualTo("NDA_SIGNED");
        assertThat(texts(nda.get("ndaSignedBy"))).containsExactlyInAnyOrder("SELLER", "BUYER");

        // the NDA unlocks contact and confidential documents for this buyer, and for nobody else
        assertThat(achievementAs(s.buyer, achievement).get("contact").get("email").asString()).isEqualTo("tto@example.edu.cn");
        assertThat(documentIds(s.buyer, achievement)).contains(confidential);
        String stranger = DealSteps.otherBuyer();
        assertThat(achievementAs(stranger, achievement).has("contact")).isFalse();
        assertThat(documentIds(stranger, achievement)).doesNotContain(confidential);

        // counter-offers: the buyer proposes, the seller counters, an old version cannot be accepted
        JsonNode v1 = s.ok(s.buyer, id, propose("800000.00"));
        assertThat(v1.get("stage").asString()).isEqualTo("NEGOTIATION");
        assertThat(v1.get("termsVersion").asInt()).isEqualTo(1);
        JsonNode v2 = s.ok(s.tto, id, propose("900000.00"));
        assertThat(v2.get("termsVersion").asInt()).isEqualTo(2);
        assertThat(v2.get("termsProposedBy").asString()).isEqualTo("SELLER");
        s.refused(s.buyer, id, "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":1}", 409, "terms-superseded");
        s.refused(s.tto, id, "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":2}", 403, "own-proposal");
        JsonNode agreed = s.ok(s.buyer, id, "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":2}");
        assertThat(agreed.get("stage").asString()).isEqualTo("TERMS_AGREED");
        assertThat(agreed.get("contractValue").get("amount").asString()).isEqualTo("1100000.00");

        s.ok(s.tto, id, "{\"type\":\"SIGN_CONTRACT\"}");
        JsonNode signed = s.ok(s.buyer, id, "{\"type\":\"SIGN_CONTRACT\"}");
        assertThat(signed.get("stage").asString()).isEqualTo("CONTRACT_SIGNED");
        // 0.05 x (900,000 + 200,000)
        assertThat(signed.get("commission").get("amount").asString()).isEqualTo("55000.00");

        s.refused(s.buyer, id, register("1100000.00"), 403, "forbidden");
        s.refused(s.broker2, id, "{\"type\":\"REGISTER_CONTRACT\",\"registrationNumber\":\"R1\",\"registeredOn\":\"2026-12-01\","
            + "\"contractType\":\"LICENSING\",\"contractValue\":" + money("100.00") + ",\"technicalIncome\":" + money("100.01") + "}",
            422, "invalid-registration");
        JsonNode registered = s.ok(s.broker2, id, register("1100000.00"));
        assertThat(registered.get("stage").asString()).isEqualTo("REGISTERED");
        assertThat(registered.get("registration").get("contractType").asString()).isEqualTo("LICENSING");

        s.ok(s.tto, id, payment("UPFRONT", "900000.00", null));
        s.refused(s.broker, id, "{\"type\":\"CLOSE\"}", 422, "payments-outstanding");
        s.ok(s.broker, id, payment("MILESTONE", "150000.00", "pilot line"));
        s.refused(s.broker, id, payment("MILESTONE", "50000.01", "pilot line"), 422, "overpayment");
        s.refused(s.broker, id, payment("UPFRONT", "0.01", null), 422, "overpayment");
        s.ok(s.broker, id, payment("MILESTONE", "50000.00", "pilot line"));
        JsonNode closed = s.ok(s.broker, id, "{\"type\":\"CLOSE\"}");
        assertThat(closed.get("stage").asString()).isEqualTo("CLOSED");

        // royalties continue after closing: 5 % up to 10 M of the year's sales, 3 % above; minimum 100,000 a year
        JsonNode first = s.ok(s.buyer, id, statement(2026, "1000000.00", false));
        assertThat(first.get("statement").get("due").get("amount").asString()).isEqualTo("50000.00");
        JsonNode last = s.ok(s.buyer, id, statement(2026, "999.99", true));
        // R(1,000,999.99) - R(1,000,000) = 50,049.9995 -> 50,050.00 - 50,000.00; true-up 100,000 - 50,050.00
        assertThat(last.get("statement").get("due").get("amount").asString()).isEqualTo("50.00");
        assertThat(last.get("statement").get("trueUp").get("amount").asString()).isEqualTo("49950.00");
        assertThat(last.get("statement").get("cumulativeNetSales").get("amount").asString()).isEqualTo("1000999.99");
        assertThat(last.get("statement").get("cumulativeDue").get("amount").asString()).isEqualTo("50050.00");
        s.refused(s.buyer, id, statement(2026, "10.00", false), 409, "year-closed");
        // commission: 55,000 + 0.05 x 50,000 + 0.05 x 50 + 0.05 x 49,950
        assertThat(s.get(s.tto, id).get("commission").get("amount").asString()).isEqualTo("60000.00");

        JsonNode trail = api.get().uri("/api/v1/deals/{id}/trail", id).header(HttpHeaders.AUTHORIZATION, s.researcher).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
        List<String> commands = new ArrayList<>();
        trail.forEach(e -> commands.add(e.has("command") ? e.get("command").asString() : "OPEN"));
        assertThat(commands).containsExactly("OPEN", "CLAIM", "SIGN_NDA", "SIGN_NDA", "PROPOSE_TERMS", "PROPOSE_TERMS", "ACCEPT_TERMS",
            "SIGN_CONTRACT", "SIGN_CONTRACT", "REGISTER_CONTRACT", "RECORD_PAYMENT", "RECORD_PAYMENT", "RECORD_PAYMENT", "CLOSE",
            "ROYALTY_STATEMENT", "ROYALTY_STATEMENT");
        assertThat(trail.get(0).get("by").asString()).isEqualTo("buyer-" + s.buyerOrg);
        // in which capacity each acted: the subject alone does not tell (the deal notifications need it)
        List<String> actedAs = new ArrayList<>();
        trail.forEach(e -> actedAs.add(e.get("actedAs").asString()));
        assertThat(actedAs.subList(0, 5)).containsExactly("BUYER", "UNASSIGNED_BROKER", "SELLER_TTO", "BUYER", "BUYER");

        // the grant is registered for the parties; other enterprises do not see it
        eventually(Duration.ofSeconds(5), () -> {
            JsonNode grants = api.get().uri("/api/v1/achievements/{id}/grants", achievement).header(HttpHeaders.AUTHORIZATION, s.buyer)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
            assertThat(grants).hasSize(1);
            assertThat(grants.get(0).get("transferMode").asString()).isEqualTo("EXCLUSIVE_LICENCE");
        });
        api.get().uri("/api/v1/achievements/{id}/grants", achievement).header(HttpHeaders.AUTHORIZATION, stranger).exchange()
            .expectStatus().isNotFound();
    }

    private static String propose(String upfront) {
        return "{\"type\":\"PROPOSE_TERMS\",\"termSheet\":{\"transferMode\":\"EXCLUSIVE_LICENCE\",\"fieldOfUse\":[\"C38\"],"
            + "\"territory\":[\"330000\"],\"termStart\":\"2026-01-01\",\"termEnd\":\"2030-12-31\",\"sublicensing\":false,"
            + "\"upfront\":" + money(upfront) + ",\"milestones\":[{\"name\":\"pilot line\",\"amount\":" + money("200000.00")
            + ",\"dueOn\":\"2027-06-30\"}],\"royaltyTiers\":[{\"upTo\":" + money("10000000.00") + ",\"rate\":\"0.05\"},{\"rate\":\"0.03\"}],"
            + "\"minimumAnnualRoyalty\":" + money("100000.00") + "}}";
    }

    private static String register(String value) {
        return "{\"type\":\"REGISTER_CONTRACT\",\"registrationNumber\":\"2026330100000123\",\"registeredOn\":\"2026-12-01\","
            + "\"contractType\":\"LICENSING\",\"contractValue\":" + money(value) + ",\"technicalIncome\":" + money(value) + "}";
    }

    private static String payment(String kind, String amount, String milestone) {
        return "{\"type\":\"RECORD_PAYMENT\",\"kind\":\"" + kind + "\",\"amount\":" + money(amount) + ",\"paidOn\":\"2026-12-01\""
            + (milestone == null ? "" : ",\"milestone\":\"" + milestone + "\"") + "}";
    }

    private static String statement(int year, String sales, boolean closes) {
        return "{\"type\":\"ROYALTY_STATEMENT\",\"year\":" + year + ",\"netSales\":" + money(sales) + ",\"closesYear\":" + closes + "}";
    }

    private JsonNode achievementAs(String bearer, String id) {
        return api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String upload(String achievement, String confidentiality) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(Pdfs.withText("Confidential process parameters")) {
            @Override
            public String getFilename() {
                return "process.pdf";
            }
        }).contentType(MediaType.APPLICATION_PDF);
        parts.part("confidentiality", confidentiality);
        return api.post().uri("/api/v1/achievements/{id}/documents", achievement).header(HttpHeaders.AUTHORIZATION, s.tto)
            .body(BodyInserters.fromMultipartData(parts.build())).exchange().expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private List<String> documentIds(String bearer, String achievement) {
        JsonNode list = api.get().uri("/api/v1/achievements/{id}/documents", achievement).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> ids = new ArrayList<>();
        (list.has("items") ? list.get("items") : list).forEach(d -> ids.add(d.get("id").asString()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
