package io.ttx.seed;

import io.ttx.demodata.DemoCatalogue;
import io.ttx.demodata.DemoLoad;
import io.ttx.demodata.HttpApi;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole demo catalogue (scripts/seed-demo.sh) goes in through the public API exactly as the seed command sends
 * it: every generated record passes the backend's rules, and every response conforms to the contract.
 */
class DemoCatalogueIT extends IntegrationTest {

    @Test
    void theWholeDemoCatalogueLoadsThroughTheApi() {
        HttpApi http = (method, path, client, contentType, body) -> {
            var spec = api.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, bearer(client));
            var exchange = body == null ? spec.exchange() : spec.contentType(MediaType.parseMediaType(contentType)).bodyValue(body).exchange();
            EntityExchangeResult<byte[]> r = exchange.expectBody().returnResult();
            byte[] bytes = r.getResponseBody();
            return new HttpApi.Response(r.getStatus().value(), bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
        };
        DemoCatalogue.Catalogue catalogue = DemoCatalogue.catalogue();
        DemoLoad.Result result = new DemoLoad(http, 4, Duration.ofMillis(200)).load(catalogue, true);
        assertThat(result.achievements()).isGreaterThanOrEqualTo(300);
        assertThat(result.demands()).isGreaterThanOrEqualTo(100);
        assertThat(result.documents()).isGreaterThanOrEqualTo(5);
        api.get().uri("/api/v1/achievements?status=PUBLISHED&size=100").header(HttpHeaders.AUTHORIZATION, bearer("broker")).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(100).jsonPath("$.nextCursor").exists();
    }
}
