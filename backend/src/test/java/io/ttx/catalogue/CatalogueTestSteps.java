package io.ttx.catalogue;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Public shortcuts over the catalogue API for other capabilities' integration tests. */
public final class CatalogueTestSteps {
    private CatalogueTestSteps() { }

    /** A new DRAFT achievement of the caller; returns its id. */
    public static String draft(WebTestClient api, String ownerBearer) {
        return AchievementFixtures.create(api, ownerBearer, AchievementFixtures.body()).get("id").asString();
    }

    /** A valid achievement body to adapt. */
    public static tools.jackson.databind.node.ObjectNode body() {
        return AchievementFixtures.body();
    }

    /** A PUBLISHED achievement (created, submitted, approved); returns its id. */
    public static String published(WebTestClient api, String ownerBearer, String brokerBearer) {
        return AchievementFixtures.published(api, ownerBearer, brokerBearer).get("id").asString();
    }
}
