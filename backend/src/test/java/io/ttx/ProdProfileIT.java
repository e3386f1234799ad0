package io.ttx;

import io.ttx.testsupport.BackendProcess;
import io.ttx.testsupport.TestStack;
import io.ttx.testsupport.Tokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod profile as the container image runs it: the backend's jar in a process of its own with nothing but the
 * environment. Without it, the start stops at once naming the first missing setting; with it (pointed at the dev
 * stack), the API serves on one port and the Actuator on another, without tokens, in JSON log lines.
 */
class ProdProfileIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withoutEnvironmentTheStartStopsWithinThirtySecondsNamingTheFirstMissingSetting() throws Exception {
        try (BackendProcess backend = BackendProcess.start("prod-no-environment", Map.of(), "--spring.profiles.active=prod")) {
            assertThat(backend.exitWithin(Duration.ofSeconds(30))).as("exit code within 30 s").isNotNull().isNotZero();
            List<String> lines = backend.lines();
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("APPLICATION FAILED TO START")
                .contains("missing setting TTX_MONGODB_URI (ttx.stores.mongodb.uri)"));
            // the report, not a stack trace (the JVM may add its own warnings)
            assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception in thread"));
            assertThat(lines).hasSizeLessThan(10);
        }
    }

    @Test
    void onTheDevStackTheApiAndTheActuatorServeOnTheirOwnPorts() throws Exception {
        TestStack.Endpoints stack = TestStack.get();
        int port = BackendProcess.freePort();
        int management = BackendProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of("TTX_MONGODB_URI", stack.mongo(), "TTX_ELASTICSEARCH_URIS", stack.es(),
            "TTX_S3_ENDPOINT", stack.s3(), "TTX_S3_ACCESS_KEY", stack.s3AccessKey(), "TTX_S3_SECRET_KEY", stack.s3SecretKey(),
            "TTX_ISSUER_URI", stack.idp(), "TTX_PORT", String.valueOf(port), "TTX_MANAGEMENT_PORT", String.valueOf(management)));
        String suffix = "prod-" + ProcessHandle.current().pid();
        env.putAll(Map.of("TTX_MONGODB_DATABASE", "ttx-it-" + suffix, "TTX_S3_BUCKET", "ttx-it-" + suffix,
            // the dev stack's single node cannot place replicas
            "TTX_SEARCH_REPLICAS", "0"));
        try (BackendProcess backend = BackendProcess.start("prod-dev-stack", env, "--spring.profiles.active=prod",
                "--ttx.search.alias=" + suffix + "-achievements", "--ttx.search.demands-alias=" + suffix + "-demands")) {
            backend.awaitLine("Started TtxApplication", Duration.ofSeconds(120));
            String api = "http://127.0.0.1:" + port;
            String actuator = "http://127.0.0.1:" + management + "/actuator";

            assertThat(get(actuator + "/health/readiness", null)).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"mongo\"");
            });
            assertThat(get(actuator + "/health/liveness", null).statusCode()).isEqualTo(200);
            assertThat(get(actuator + "/prometheus", null)).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("jvm_memory_used_bytes");
            });
            // the application's port serves no Actuator: an admin's token finds nothing there
            assertThat(get(api + "/actuator/health", null).statusCode()).isEqualTo(404);
            assertThat(get(api + "/actuator/prometheus", Tokens.of("admin")).statusCode()).isEqualTo(404);
            // forwarded headers claiming the management port (prod trusts them for scheme and host) open nothing
            for (String forged : List.of("X-Forwarded-Port", "X-Forwarded-Host", "Forwarded")) {
                String value = forged.equals("X-Forwarded-Port") ? String.valueOf(management)
                    : (forged.equals("Forwarded") ? "host=" : "") + "127.0.0.1:" + management;
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/admin/outbox/dead-letters"))
                    .header(forged, value).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(forged).isEqualTo(401);
            }

            // writes and reads by majority work on the dev stack's server too; every response names its request
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/saved-searches"))
                .header("Authorization", "Bearer " + Tokens.of("enterprise")).header("Content-Type", "application/json")
                .header("X-Request-Id", "it-prod-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"prod\",\"query\":{\"q\":\"battery\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("X-Request-Id")).hasValue("it-prod-1");
            assertThat(get(api + "/api/v1/saved-searches", Tokens.of("enterprise")).body()).contains("\"name\":\"prod\"");
            assertThat(get(api + "/api/v1/me", null)).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(401);
                assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
            });

            assertThat(backend.lines()).filteredOn(l -> l.startsWith("{"))
                .anySatisfy(l -> assertThat(l).contains("\"message\":\"Started TtxApplication").endsWith("}"));
            assertThat(backend.lines()).filteredOn(l -> l.contains("Started TtxApplication")).allMatch(l -> l.startsWith("{\"@timestamp\""));
        }
    }

    private static HttpResponse<String> get(String url, @Nullable String token) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) req.header("Authorization", "Bearer " + token);
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }
}
