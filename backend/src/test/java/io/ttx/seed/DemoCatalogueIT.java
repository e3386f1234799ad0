package io.ttx.seed;

import io.ttx.demodata.DemoCatalogue;
import io.ttx.demodata.DemoLoad;
import io.ttx.testsupport.DemoCatalogueFixture;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole demo catalogue (scripts/seed-demo.sh) goes in through the public API exactly as the seed command sends
 * it: every generated record passes the backend's rules, and every response conforms to the contract. The load is
 * shared with the other tests that need the catalogue ({@link DemoCatalogueFixture}), so it happens once per run.
 */
class DemoCatalogueIT extends IntegrationTest {

    @Test
    void theWholeDemoCatalogueLoadsThroughTheApi() {
        DemoCatalogueFixture.Loaded loaded = DemoCatalogueFixture.load(api);
        DemoLoad.Result result = loaded.result();
        assertThat(result.achievements()).isGreaterThanOrEqualTo(300);
        assertThat(result.demands()).isGreaterThanOrEqualTo(100);
        assertThat(result.documents()).isGreaterThanOrEqualTo(5);
        assertThat(loaded.idsByIndex()).hasSize(DemoCatalogue.ACHIEVEMENT_COUNT);
        api.get().uri("/api/v1/achievements?status=PUBLISHED&size=100").header(HttpHeaders.AUTHORIZATION, bearer("broker")).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(100).jsonPath("$.nextCursor").exists();
    }
}
