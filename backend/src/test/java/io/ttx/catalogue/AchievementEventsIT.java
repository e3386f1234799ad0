package io.ttx.catalogue;

import io.ttx.shared.outbox.OutboxEvent;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.RecordingConsumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.List;

import static io.ttx.catalogue.AchievementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change records its event inside the same document write; the relay delivers the events in order and only
 * then removes them. While a consumer fails, events stay in the document (nothing lost) and are delivered once it
 * recovers.
 */
class AchievementEventsIT extends IntegrationTest {
    @Autowired
    RecordingConsumer consumer;
    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void consumerBack() {
        consumer.failing(false);
    }

    @Test
    void eventsAreDeliveredInOrderThenRemovedFromTheDocument() {
        String id = published(api, bearer("tto"), bearer("broker")).get("id").asString();
        eventually(Duration.ofSeconds(20), () -> {
            // at least once, in order: a redelivery may repeat an event, never reorder or skip one
            assertThat(consumer.eventsOf(id).stream().map(OutboxEvent::type).distinct().toList())
                .containsExactly("AchievementCreated", "AchievementSubmitted", "AchievementPublished");
            assertThat(pending(id)).isEmpty();
        });
        assertThat(consumer.eventsOf(id)).extracting(OutboxEvent::version).isSorted();
    }

    @Test
    void aFailingConsumerLosesNothing() {
        consumer.failing(true);
        String id = create(api, bearer("tto"), body()).get("id").asString();
        step(api, bearer("tto"), id, "submission", null);
        assertThat(pending(id)).hasSize(2); // written with the change, in the same document
        assertThat(consumer.eventsOf(id)).isEmpty();
        consumer.failing(false);
        eventually(Duration.ofSeconds(20), () -> {
            assertThat(consumer.eventsOf(id)).extracting(OutboxEvent::type).containsExactly("AchievementCreated", "AchievementSubmitted");
            assertThat(pending(id)).isEmpty();
        });
    }

    private List<Document> pending(String id) {
        Document d = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "achievements").block(Duration.ofSeconds(10));
        return d.getList("pendingEvents", Document.class);
    }
}
