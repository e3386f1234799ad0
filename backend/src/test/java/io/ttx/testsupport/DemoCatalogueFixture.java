package io.ttx.testsupport;

import io.ttx.demodata.DemoAchievement;
import io.ttx.demodata.DemoCatalogue;
import io.ttx.demodata.DemoLoad;
import io.ttx.demodata.HttpApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole demo catalogue loaded once per test JVM through the public API, exactly as the seed command sends it.
 * Every integration test shares one Spring context and one dev stack, so the first test that needs the catalogue
 * loads it and the others reuse that load (a second load would double every record). A failed load is remembered
 * too, so later tests report the same failure instead of loading a second, partial catalogue.
 */
public final class DemoCatalogueFixture {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Loaded loaded;
    private static RuntimeException failure;

    /**
     * What the load did and which backend id each demo achievement got.
     *
     * @param idsByIndex demo-catalogue index of each achievement -> its id in the backend
     */
    public record Loaded(DemoLoad.Result result, Map<Integer, String> idsByIndex) {
        public Loaded {
            idsByIndex = Map.copyOf(idsByIndex);
        }

        /** The backend id of a demo achievement. */
        public String id(DemoAchievement a) {
            String id = idsByIndex.get(a.index());
            if (id == null) throw new IllegalStateException("demo achievement #" + a.index() + " was not loaded");
            return id;
        }
    }

    private DemoCatalogueFixture() { }

    /** Loads the catalogue with {@code api} the first time it is called in this JVM; later calls return that load. */
    public static synchronized Loaded load(WebTestClient api) {
        if (loaded != null) return loaded;
        if (failure != null) throw failure;
        try {
            Map<Integer, String> ids = new ConcurrentHashMap<>();
            Map<String, Integer> indexByTitle = new java.util.HashMap<>();
            DemoCatalogue.achievements().forEach(a -> indexByTitle.put(a.title().zh(), a.index()));
            HttpApi http = (method, path, client, contentType, body) -> {
                HttpApi.Response r = send(api, method, path, client, contentType, body);
                if (r.ok() && method.equals("POST") && path.equals("/api/v1/achievements")) {
                    JsonNode created = JSON.readTree(r.body());
                    Integer index = indexByTitle.get(created.at("/title/zh").asString());
                    if (index != null) ids.put(index, created.get("id").asString());
                }
                return r;
            };
            DemoLoad.Result result = new DemoLoad(http, 4, Duration.ofMillis(200)).load(DemoCatalogue.catalogue(), true);
            loaded = new Loaded(result, ids);
            return loaded;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /** The ids of the loaded demo achievements. */
    public static List<String> achievementIds(Loaded l) {
        return List.copyOf(l.idsByIndex().values());
    }

    private static HttpApi.Response send(WebTestClient api, String method, String path, String client, String contentType, byte[] body) {
        var spec = api.mutate().responseTimeout(Duration.ofSeconds(60)).build()
            .method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.of(client));
        var exchange = body == null ? spec.exchange() : spec.contentType(MediaType.parseMediaType(contentType)).bodyValue(body).exchange();
        EntityExchangeResult<byte[]> r = exchange.expectBody().returnResult();
        byte[] bytes = r.getResponseBody();
        return new HttpApi.Response(r.getStatus().value(), bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }
}
