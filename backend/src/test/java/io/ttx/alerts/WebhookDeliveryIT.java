package io.ttx.alerts;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ttx.shared.jobs.Fence;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook deliveries against WireMock on loopback over plain http (allowed by the test setting only; production needs
 * https to public addresses): signed, retried with the same delivery id, ended as DELIVERED or FAILED per endpoint.
 */
class WebhookDeliveryIT extends IntegrationTest {
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static WireMockServer hooks;

    private final String userOrg = TestOrgs.random("91", "330100");
    private final String user = "Bearer " + Tokens.custom("alerts-hooks-" + UUID.randomUUID(), List.of("enterprise"), userOrg, "330100");
    private final String university = TestOrgs.university();
    private final String tto = "Bearer " + Tokens.custom("alerts-tto", List.of("tto"), university, "330100");
    private final List<String> saved = new ArrayList<>();
    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void startHooks() {
        // https only, as in production: a certificate for 127.0.0.1 that the test context's SSL bundle trusts
        hooks = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
            .keystorePath(WebhookDeliveryIT.class.getResource("/tls/webhooks-test.p12").getPath()).keystoreType("PKCS12")
            .keystorePassword("changeit").keyManagerPassword("changeit"));
        hooks.start();
        hooks.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        hooks.stubFor(post(urlEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(204)));
        hooks.stubFor(post(urlEqualTo("/dead")).willReturn(aResponse().withStatus(503)));
        hooks.stubFor(post(urlEqualTo("/gone")).willReturn(aResponse().withStatus(410)));
        hooks.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
    }

    @AfterAll
    static void stopHooks() {
        hooks.stop();
    }

    @AfterEach
    void deleteSavedSearches() {
        saved.forEach(id -> AlertSteps.delete(api, user, id));
    }

    @Test
    void eachEndpointGetsSignedRetriedDeliveriesAndADeadOneBlocksNobody() {
        JsonNode flaky = webhook("flaky");
        JsonNode dead = webhook("dead");
        JsonNode gone = webhook("gone");
        JsonNode ok = webhook("ok");
        String achievement = AlertSteps.publish(api, tto, bearer("broker"), b -> { });

        eventually(Duration.ofSeconds(30), () -> {
            assertThat(delivery(ok).get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery(flaky).get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery(dead).get("status").asString()).isEqualTo("FAILED");
            assertThat(delivery(gone).get("status").asString()).isEqualTo("FAILED");
        });
        assertThat(delivery(ok).get("attempts").asInt()).isEqualTo(1);
        JsonNode flakyDelivery = delivery(flaky);
        assertThat(flakyDelivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(flakyDelivery.get("lastStatus").asInt()).isEqualTo(204);
        assertThat(flakyDelivery.has("deliveredAt")).isTrue();
        JsonNode deadDelivery = delivery(dead);
        assertThat(deadDelivery.get("attempts").asInt()).isEqualTo(3); // ttx.alerts.webhooks.max-attempts in the tests
        assertThat(deadDelivery.get("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(deadDelivery.has("nextAttemptAt")).isFalse();
        assertThat(delivery(gone).get("attempts").asInt()).isEqualTo(1); // 410: not retried
        // the retry sweep made the second attempt: its writes carry its lease's token
        assertThat(fences(flakyDelivery).get("sweep:webhooks")).isInstanceOf(Long.class);
        assertThat(hooks.findAll(postRequestedFor(urlEqualTo("/dead")))).hasSize(3);

        List<LoggedRequest> calls = hooks.findAll(postRequestedFor(urlEqualTo("/flaky")));
        assertThat(calls).hasSize(2);
        String deliveryId = flakyDelivery.get("id").asString();
        for (LoggedRequest call : calls) {
            assertThat(call.getHeader("TTX-Delivery")).isEqualTo(deliveryId);
            assertThat(call.getHeader("Content-Type")).startsWith("application/json");
            Matcher m = SIGNATURE.matcher(call.getHeader("TTX-Signature"));
            assertThat(m.matches()).isTrue();
            assertThat(m.group(2)).isEqualTo(hmac(flaky.at("/webhook/secret").asString(), m.group(1) + "." + call.getBodyAsString()));
            assertThat(Math.abs(Long.parseLong(m.group(1)) - System.currentTimeMillis() / 1000)).isLessThan(120);
            assertThat(m.group(2)).isNotEqualTo(hmac(ok.at("/webhook/secret").asString(), m.group(1) + "." + call.getBodyAsString()));
        }
        assertThat(calls.get(0).getBodyAsString()).isEqualTo(calls.get(1).getBodyAsString());
        JsonNode body = AlertSteps.JSON.readTree(calls.get(0).getBodyAsString());
        assertThat(body.get("id").asString()).isEqualTo(deliveryId);
        assertThat(body.get("type").asString()).isEqualTo("saved-search.match");
        assertThat(body.at("/savedSearch/id").asString()).isEqualTo(flaky.get("id").asString());
        assertThat(body.at("/savedSearch/name").asString()).isEqualTo("hook flaky");
        assertThat(body.at("/achievement/id").asString()).isEqualTo(achievement);
        assertThat(body.at("/achievement/url").asString()).isEqualTo("/api/v1/achievements/" + achievement);
        assertThat(body.at("/achievement/title/zh").asString()).isEqualTo("基于深度学习的锂电池健康状态预测方法");
        // the OpenAPI contract documents this body (webhooks.savedSearchMatch)
        assertThat(io.ttx.testsupport.OpenApiContract.get().validate("#/components/schemas/SavedSearchMatchEvent", calls.get(0).getBodyAsString(),
            "webhook body")).isEmpty();
    }

    private JsonNode webhook(String path) {
        JsonNode s = AlertSteps.save(api, user, "{\"name\": \"hook " + path + "\", \"query\": {\"owner\": \"" + university + "\"},"
            + " \"webhook\": {\"url\": \"" + "https://127.0.0.1:" + hooks.httpsPort() + "/" + path + "\"}}");
        saved.add(s.get("id").asString());
        return s;
    }

    private Document fences(JsonNode delivery) {
        Document stored = mongo.findById(delivery.get("id").asString(), Document.class, "webhook_deliveries").block(Duration.ofSeconds(20));
        assertThat(stored).isNotNull();
        return stored.get(Fence.FIELDS, Document.class);
    }

    private JsonNode delivery(JsonNode savedSearch) {
        JsonNode items = AlertSteps.deliveries(api, user, savedSearch.get("id").asString()).get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
