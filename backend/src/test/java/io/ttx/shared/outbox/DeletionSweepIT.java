package io.ttx.shared.outbox;

import io.ttx.catalogue.AchievementEvents;
import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.RecordingConsumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleted aggregate keeps its document until its deletion event was delivered: readers no longer find it, the sweep
 * leaves it alone while an event is pending (a consumer is down), and removes it once the relay delivered the event.
 */
class DeletionSweepIT extends IntegrationTest {
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    RecordingConsumer consumer;
    @Autowired
    DeletionSweep sweep;

    @AfterEach
    void consumerBack() {
        consumer.failing(false);
    }

    @Test
    void aDeletedDraftStaysUntilItsDeletionEventWasDelivered() {
        String id = CatalogueTestSteps.draft(api, bearer("tto"));
        eventually(Duration.ofSeconds(20), () -> assertThat(consumer.eventsOf(id)).isNotEmpty());
        consumer.failing(true);
        api.delete().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).header(HttpHeaders.IF_MATCH, "\"1\"")
            .exchange().expectStatus().isNoContent();
        api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange().expectStatus().isNotFound();

        sweep.removeDelivered().block(Duration.ofSeconds(20));
        Document kept = stored(id);
        assertThat(kept).isNotNull();
        assertThat(kept.getBoolean(Deletions.FIELD)).isTrue();
        assertThat(kept.getList("pendingEvents", Document.class)).extracting(e -> e.getString("type")).containsExactly(AchievementEvents.DELETED);

        consumer.failing(false);
        eventually(Duration.ofSeconds(20), () -> {
            assertThat(consumer.eventsOf(id)).extracting(OutboxEvent::type).contains(AchievementEvents.DELETED);
            assertThat(stored(id)).isNull();
        });
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "achievements").block(Duration.ofSeconds(10));
    }
}
