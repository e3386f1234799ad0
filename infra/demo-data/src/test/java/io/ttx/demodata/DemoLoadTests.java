package io.ttx.demodata;

import io.ttx.demodata.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DemoLoad against an in-memory API: call order, owners, retries, failures and the already-loaded check. */
class DemoLoadTests {
    private static final Duration FAST = Duration.ofMillis(1);

    /** One recorded request. */
    record Call(String method, String path, String client, String contentType, byte[] body) {
        String line() {
            return method + " " + path + " " + client;
        }
    }

    /** Records calls and answers like the backend: 201 with an id for creates, 204 otherwise; overridable. */
    static final class FakeApi implements HttpApi {
        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger ids = new AtomicInteger();
        String checkBody = "{\"items\":[],\"page\":0,\"size\":1,\"total\":0}";
        Function<Call, Response> override = c -> null;

        @Override
        public Response send(String method, String path, String clientId, String contentType, byte[] body) {
            Call call = new Call(method, path, clientId, contentType, body);
            calls.add(call);
            Response r = override.apply(call);
            if (r != null) return r;
            if (method.equals("GET")) return new Response(200, checkBody);
            if (path.equals("/api/v1/achievements") || path.equals("/api/v1/demands")) {
                return new Response(201, "{\"id\":\"x" + ids.incrementAndGet() + "\",\"status\":\"DRAFT\"}");
            }
            return new Response(path.endsWith("/documents") ? 201 : 204, "");
        }

        List<String> lines() {
            synchronized (calls) {
                return calls.stream().map(Call::line).toList();
            }
        }
    }

    private final DemoCatalogue.Catalogue small = DemoCatalogue.catalogue().limit(3, 2);

    @Test
    void createsSubmitsAndApprovesEachAchievementThenCreatesAndSubmitsDemands() {
        FakeApi api = new FakeApi();
        DemoLoad.Result r = new DemoLoad(api, 1, FAST).load(small, false);
        assertThat(api.lines()).containsExactly(
            "GET /api/v1/achievements?mine=true&size=100 tto",
            "POST /api/v1/achievements tto",
            "POST /api/v1/achievements/x1/documents tto",
            "POST /api/v1/achievements/x1/submission tto",
            "POST /api/v1/achievements/x1/review broker",
            "POST /api/v1/achievements tto-2",
            "POST /api/v1/achievements/x2/submission tto-2",
            "POST /api/v1/achievements/x2/review broker",
            "POST /api/v1/achievements researcher",
            "POST /api/v1/achievements/x3/submission researcher",
            "POST /api/v1/achievements/x3/review broker",
            "POST /api/v1/demands enterprise",
            "POST /api/v1/demands/x4/submission enterprise",
            "POST /api/v1/demands enterprise-2",
            "POST /api/v1/demands/x5/submission enterprise-2");
        assertThat(r).extracting(DemoLoad.Result::alreadyLoaded, DemoLoad.Result::achievements, DemoLoad.Result::demands,
            DemoLoad.Result::documents).containsExactly(false, 3, 2, 1);
        Call create = api.calls.get(1);
        assertThat(create.contentType()).isEqualTo("application/json");
        assertThat(new String(create.body(), StandardCharsets.UTF_8)).isEqualTo(small.achievements().getFirst().json());
        Call submission = api.calls.get(3);
        assertThat(submission.contentType()).isNull();
        assertThat(submission.body()).isNull();
        Call review = api.calls.get(4);
        assertThat(Json.parse(new String(review.body(), StandardCharsets.UTF_8)))
            .isEqualTo(Map.of("decision", "APPROVE", "note", "demo data"));
        assertThat(new String(api.calls.get(11).body(), StandardCharsets.UTF_8)).isEqualTo(small.demands().getFirst().json());
    }

    @Test
    void documentsAreUploadedAsMultipartWithFileAndConfidentiality() {
        FakeApi api = new FakeApi();
        new DemoLoad(api, 1, FAST).load(small, false);
        Call upload = api.calls.get(2);
        DemoDocument doc = small.documents().getFirst();
        assertThat(upload.contentType()).isEqualTo("multipart/form-data; boundary=" + Multipart.BOUNDARY);
        String body = new String(upload.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).startsWith("--" + Multipart.BOUNDARY + "\r\n")
            .contains("Content-Disposition: form-data; name=\"file\"; filename=\"" + doc.filename() + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4")
            .contains("Content-Disposition: form-data; name=\"confidentiality\"\r\n\r\n" + doc.confidentiality() + "\r\n")
            .endsWith("--" + Multipart.BOUNDARY + "--\r\n")
            .contains(new String(doc.bytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void loadsTheWholeCatalogueConcurrentlyKeepingEachRecordInOrder() {
        FakeApi api = new FakeApi();
        DemoCatalogue.Catalogue all = DemoCatalogue.catalogue();
        DemoLoad.Result r = new DemoLoad(api, 8, FAST).load(all, false);
        List<String> lines = api.lines();
        assertThat(r.achievements()).isEqualTo(all.achievements().size());
        assertThat(r.documents()).isEqualTo(all.documents().size());
        assertThat(lines.stream().filter(l -> l.startsWith("POST /api/v1/achievements ")).count()).isEqualTo(all.achievements().size());
        assertThat(lines.stream().filter(l -> l.endsWith("/review broker")).count()).isEqualTo(all.achievements().size());
        assertThat(lines.stream().filter(l -> l.contains("/review") && !l.endsWith(" broker"))).isEmpty();
        assertThat(lines.stream().filter(l -> l.contains("/documents ")).count()).isEqualTo(all.documents().size());
        assertThat(lines.stream().filter(l -> l.startsWith("POST /api/v1/demands ")).count()).isEqualTo(all.demands().size());
        assertThat(lines.stream().filter(l -> l.contains("/submission ")).count()).isEqualTo(all.achievements().size() + all.demands().size());
        for (int id = 1; id <= all.achievements().size(); id++) {
            String base = "POST /api/v1/achievements/x" + id + "/";
            int submission = indexOf(lines, base + "submission"), review = indexOf(lines, base + "review");
            if (submission < 0) continue; // the id went to a demand
            assertThat(submission).isLessThan(review);
        }
    }

    @Test
    void retriesA503WithBackoff() {
        FakeApi api = new FakeApi();
        AtomicInteger unavailable = new AtomicInteger(2);
        api.override = c -> c.path().equals("/api/v1/achievements") && unavailable.getAndDecrement() > 0
            ? new Response(503, "{\"code\":\"store-unavailable\"}") : null;
        DemoLoad.Result r = new DemoLoad(api, 1, FAST).load(small, false);
        assertThat(r.achievements()).isEqualTo(3);
        assertThat(api.lines().stream().filter(l -> l.startsWith("POST /api/v1/achievements ")).count()).isEqualTo(5);
    }

    @Test
    void givesUpAfterFiveRetries() {
        FakeApi api = new FakeApi();
        api.override = c -> c.path().endsWith("/submission") ? new Response(503, "busy") : null;
        assertThatThrownBy(() -> new DemoLoad(api, 1, FAST).load(small, false))
            .isInstanceOf(DemoLoad.LoadFailed.class)
            .hasMessageContaining("POST /api/v1/achievements/x1/submission").hasMessageContaining("HTTP 503 after 5 retries");
        assertThat(api.lines().stream().filter(l -> l.contains("/submission")).count()).isEqualTo(6);
    }

    @Test
    void stopsOnA422WithTheResponseBody() {
        FakeApi api = new FakeApi();
        String problem = "{\"type\":\"https://api.ttx.example/problems/rule-violation\",\"status\":422,\"code\":\"rule-violation\","
            + "\"errors\":[{\"field\":\"budgetRange\",\"code\":\"invalid-range\",\"message\":\"min must not exceed max\"}]}";
        api.override = c -> c.path().equals("/api/v1/demands") ? new Response(422, problem) : null;
        assertThatThrownBy(() -> new DemoLoad(api, 1, FAST).load(small, false))
            .isInstanceOf(DemoLoad.LoadFailed.class)
            .hasMessageContaining("POST /api/v1/demands as enterprise").hasMessageContaining("HTTP 422").hasMessageContaining(problem);
        assertThat(api.lines()).last().isEqualTo("POST /api/v1/demands enterprise");
    }

    @Test
    void stopsTheConcurrentLoadOnTheFirstFailure() {
        FakeApi api = new FakeApi();
        api.override = c -> c.path().endsWith("/review") ? new Response(403, "{\"code\":\"forbidden\"}") : null;
        assertThatThrownBy(() -> new DemoLoad(api, 8, FAST).load(DemoCatalogue.catalogue(), false))
            .isInstanceOf(DemoLoad.LoadFailed.class).hasMessageContaining("/review as broker").hasMessageContaining("HTTP 403");
    }

    @Test
    void failsClearlyWhenACreateAnswersWithoutId() {
        FakeApi api = new FakeApi();
        api.override = c -> c.path().equals("/api/v1/achievements") ? new Response(201, "{}") : null;
        assertThatThrownBy(() -> new DemoLoad(api, 1, FAST).load(small, false)).hasMessageContaining("without an id");
    }

    @Test
    void anAlreadyLoadedCatalogueShortCircuitsUnlessForced() {
        FakeApi api = new FakeApi();
        String owner = small.achievements().getFirst().owner();
        String title = Json.write(small.achievements().getFirst().title().zh());
        api.checkBody = "{\"items\":[{\"id\":\"a1\",\"title\":{\"zh\":" + title + "}}],\"nextCursor\":null}";
        DemoLoad.Result r = new DemoLoad(api, 1, FAST).load(small, false);
        assertThat(r.alreadyLoaded()).isTrue();
        assertThat(api.lines()).containsExactly("GET /api/v1/achievements?mine=true&size=100 " + owner);
        FakeApi forced = new FakeApi();
        forced.checkBody = api.checkBody;
        assertThat(new DemoLoad(forced, 1, FAST).load(small, true).alreadyLoaded()).isFalse();
        assertThat(forced.lines()).noneMatch(l -> l.startsWith("GET")).hasSize(14);
    }

    /** Listings the owner made by hand are not the demo catalogue: the check pages on and then loads. */
    @Test
    void otherListingsOfTheOwnerDoNotCountAsLoaded() {
        FakeApi api = new FakeApi();
        String title = Json.write(small.achievements().getFirst().title().zh());
        api.override = c -> !c.method().equals("GET") ? null : c.path().contains("cursor=")
            ? new Response(200, "{\"items\":[{\"id\":\"a2\",\"title\":{\"zh\":\"别的成果\"}}]}")
            : new Response(200, "{\"items\":[{\"id\":\"a1\",\"title\":{\"en\":" + title + "}}],\"nextCursor\":\"c/1+\"}");
        DemoLoad.Result r = new DemoLoad(api, 1, FAST).load(small, false);
        assertThat(r.alreadyLoaded()).isFalse();
        assertThat(api.lines()).filteredOn(l -> l.startsWith("GET")).containsExactly(
            "GET /api/v1/achievements?mine=true&size=100 " + small.achievements().getFirst().owner(),
            "GET /api/v1/achievements?mine=true&size=100&cursor=c%2F1%2B " + small.achievements().getFirst().owner());
        assertThat(r.achievements()).isEqualTo(3);
    }

    @Test
    void anIoErrorStopsTheLoad() {
        HttpApi broken = (m, p, c, t, b) -> { throw new IOException("connection refused"); };
        assertThatThrownBy(() -> new DemoLoad(broken, 1, FAST).load(small, false))
            .isInstanceOf(DemoLoad.LoadFailed.class).hasMessageContaining("GET /api/v1/achievements?mine=true&size=100")
            .hasMessageContaining("connection refused");
    }

    @Test
    void seedLoaderRejectsUnknownArgumentsAndReportsAnUnreachableIdp() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        assertThat(SeedLoader.run(new String[] {"--bogus"}, Map.of(), new java.io.PrintStream(out), new java.io.PrintStream(err))).isEqualTo(2);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int code = SeedLoader.run(new String[] {"--idp=http://127.0.0.1:" + port}, Map.of(), new java.io.PrintStream(out), new java.io.PrintStream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot connect to the dev IdP at http://127.0.0.1:" + port);
    }

    private static int indexOf(List<String> lines, String line) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(line)) return i;
        return -1;
    }
}
