package io.ttx.alerts;

import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxEvent;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.RecordingConsumer;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Publications matching a saved search notify its owner, once, whatever the outbox redelivers. */
class SavedSearchAlertsIT extends IntegrationTest {
    @Autowired
    RecordingConsumer recorded;
    @Autowired
    @Qualifier("achievementsToSavedSearches")
    OutboxConsumer matcher;

    private final String userOrg = TestOrgs.random("91", "330100");
    private final String user = "Bearer " + Tokens.custom("alerts-user-" + UUID.randomUUID(), List.of("enterprise"), userOrg, "330100");
    private final String university = TestOrgs.university();
    private final String tto = "Bearer " + Tokens.custom("alerts-tto", List.of("tto"), university, "330100");
    private final String ownTto = "Bearer " + Tokens.custom("alerts-own-tto", List.of("tto"), userOrg, "330100");
    private final List<String> saved = new ArrayList<>();

    @AfterEach
    void deleteSavedSearches() {
        saved.forEach(id -> AlertSteps.delete(api, user, id));
    }

    @Test
    void aMatchingPublicationNotifiesOnceAndOthersDoNot() {
        saved.add(AlertSteps.save(api, user, "{\"name\": \"energy\", \"query\": {\"q\": \"锂电池\", \"field\": [\"NEW_ENERGY\"], \"trlMin\": 5,"
            + " \"owner\": \"" + university + "\"}}").get("id").asString());
        saved.add(AlertSteps.save(api, user, "{\"name\": \"my own\", \"query\": {\"owner\": \"" + userOrg + "\"}}").get("id").asString());

        String matching = AlertSteps.publish(api, tto, bearer("broker"), b -> { });
        String otherField = AlertSteps.publish(api, tto, bearer("broker"), b -> b.put("field", "AEROSPACE"));
        String tooEarly = AlertSteps.publish(api, tto, bearer("broker"), b -> b.put("trl", 3));
        String ownOrganisation = AlertSteps.publish(api, ownTto, bearer("broker"), b -> { });

        eventually(Duration.ofSeconds(30), () -> {
            for (String id : List.of(matching, otherField, tooEarly, ownOrganisation)) {
                assertThat(recorded.eventsOf(id)).as(id).anyMatch(e -> e.type().equals("AchievementPublished")); // the matcher ran before
            }
            JsonNode page = AlertSteps.notifications(api, user);
            assertThat(page.get("items")).hasSize(1);
        });
        JsonNode n = AlertSteps.notifications(api, user).at("/items/0");
        assertThat(n.get("achievementId").asString()).isEqualTo(matching);
        assertThat(n.get("savedSearchId").asString()).isEqualTo(saved.getFirst());
        assertThat(n.get("type").asString()).isEqualTo("SAVED_SEARCH_MATCH");
        assertThat(n.at("/title/zh").asString()).isEqualTo("基于深度学习的锂电池健康状态预测方法");
        assertThat(n.get("read").asBoolean()).isFalse();

        // the relay delivers at least once: the same events again create nothing
        List<OutboxEvent> again = new ArrayList<>();
        for (String id : List.of(matching, otherField, tooEarly, ownOrganisation)) again.addAll(recorded.eventsOf(id));
        matcher.accept(again).block(Duration.ofSeconds(30));
        matcher.accept(again).block(Duration.ofSeconds(30));
        assertThat(AlertSteps.notifications(api, user).get("items")).hasSize(1);
    }

    @Test
    void notificationsAreReadByTheirRecipientOnlyAndPageNewestFirst() {
        saved.add(AlertSteps.save(api, user, "{\"name\": \"all of them\", \"query\": {\"owner\": \"" + university + "\"}}").get("id").asString());
        String first = AlertSteps.publish(api, tto, bearer("broker"), b -> { });
        eventually(Duration.ofSeconds(30), () -> assertThat(AlertSteps.notifications(api, user).get("items")).hasSize(1));
        String second = AlertSteps.publish(api, tto, bearer("broker"), b -> { });
        eventually(Duration.ofSeconds(30), () -> assertThat(AlertSteps.notifications(api, user).get("items")).hasSize(2));

        JsonNode page1 = api.get().uri("/api/v1/notifications?size=1").header(HttpHeaders.AUTHORIZATION, user).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page1.at("/items/0/achievementId").asString()).isEqualTo(second);
        String cursor = page1.get("nextCursor").asString();
        JsonNode page2 = api.get().uri("/api/v1/notifications?size=1&cursor={c}", cursor).header(HttpHeaders.AUTHORIZATION, user).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page2.at("/items/0/achievementId").asString()).isEqualTo(first);
        assertThat(page2.has("nextCursor")).isFalse();

        String id = page2.at("/items/0/id").asString();
        String stranger = "Bearer " + Tokens.custom("alerts-stranger-" + UUID.randomUUID(), List.of("enterprise"), userOrg, "330100");
        api.post().uri("/api/v1/notifications/{id}/read", id).header(HttpHeaders.AUTHORIZATION, stranger).exchange().expectStatus().isNotFound();
        assertThat(AlertSteps.notifications(api, stranger).get("items")).isEmpty();
        JsonNode read = api.post().uri("/api/v1/notifications/{id}/read", id).header(HttpHeaders.AUTHORIZATION, user).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(read.get("read").asBoolean()).isTrue();
        JsonNode again = api.post().uri("/api/v1/notifications/{id}/read", id).header(HttpHeaders.AUTHORIZATION, user).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("readAt")).isEqualTo(read.get("readAt"));
        assertThat(AlertSteps.notifications(api, user).at("/items/0/read").asBoolean()).isFalse();
    }
}
