package io.ttx.alerts;

import io.ttx.alerts.persistence.DeliveryDocument;
import io.ttx.alerts.persistence.DeliveryDocument.Status;
import io.ttx.alerts.persistence.DeliveryStore;
import io.ttx.shared.jobs.Fence;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook retry sweep's claims and records carry its lease's token: once a newer holder of the lease wrote a
 * delivery, the replica it took the lease from can neither claim it for an attempt nor record an attempt's outcome.
 */
class WebhookFencingIT extends IntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MutableClock clock;

    @Test
    void aStaleHolderCanNeitherClaimNorRecordADeliveryANewerHolderWrote() {
        // due in an hour, so the context's own retry sweep leaves it alone; the claims below say "now" is two hours on
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = "whd_fence" + System.nanoTime();
        deliveries.insertOnce(new DeliveryDocument(id, "ntf_x", "svs_x", "ach_x", "https://hooks.example/x", Status.PENDING, 1,
            now.plus(Duration.ofHours(1)), now, 503, "HTTP 503", now, null)).block(WAIT);
        String lease = "sweep:webhooks-" + System.nanoTime();
        Fence older = Fence.of(lease, 5);
        Fence newer = Fence.of(lease, 6);
        Instant later = now.plus(Duration.ofHours(2));

        assertThat(deliveries.claim(id, later, later.plusSeconds(60), newer).blockOptional(WAIT)).isPresent();
        assertThat(deliveries.claim(id, later.plusSeconds(120), later.plusSeconds(180), older).blockOptional(WAIT))
            .as("the stale holder's claim").isEmpty();
        assertThat(stored(id).get("nextAttemptAt")).isEqualTo(Date.from(later.plusSeconds(60)));

        assertThat(deliveries.record(id, 1, Status.DELIVERED, null, later, 204, null, older).blockOptional(WAIT))
            .as("the stale holder's outcome").isEmpty();
        assertThat(stored(id)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat(deliveries.record(id, 1, Status.FAILED, null, later, 410, "HTTP 410", newer).blockOptional(WAIT)).isPresent();
        Document recorded = stored(id);
        assertThat(recorded).containsEntry("status", "FAILED").containsEntry("attempts", 2).containsEntry("lastStatus", 410);
        assertThat(recorded.get(Fence.FIELDS, Document.class).get(lease)).isEqualTo(6L);
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "webhook_deliveries").block(WAIT);
    }
}
