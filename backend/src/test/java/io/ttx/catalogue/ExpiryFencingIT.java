package io.ttx.catalogue;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.Leases;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry sweep's writes carry its lease's token: a replica whose lease passed to another one cannot expire a
 * listing the newer holder already wrote; the holder itself can, and leaves its token in the listing.
 */
class ExpiryFencingIT extends IntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @Autowired
    ExpirySweep sweep;
    @Autowired
    Leases leases;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MutableClock clock;

    @Test
    void aStaleHolderCannotExpireAListingANewerHolderWrote() {
        String id = CatalogueTestSteps.published(api, bearer("tto"), bearer("broker"));
        // a lease of its own name: the context's own sweep (another lease, another field) must not count here
        String name = "sweep:expiry-" + System.nanoTime();
        Lease lease = leases.acquire(name, Duration.ofMinutes(5)).block(WAIT);
        assertThat(lease).isNotNull();
        Date past = Date.from(clock.instant().minusSeconds(1));
        set(id, new Update().set("expiresAt", past).set(Fence.FIELDS + "." + name, lease.token() + 1));
        Object version = stored(id).get("version");

        sweep.runOnce(lease).block(WAIT);
        Document refused = stored(id);
        assertThat(refused.getString("status")).as("a newer holder wrote it").isEqualTo("PUBLISHED");
        assertThat(refused.get("version")).isEqualTo(version);

        set(id, new Update().set(Fence.FIELDS + "." + name, lease.token()));
        sweep.runOnce(lease).block(WAIT);
        Document expired = stored(id);
        assertThat(expired.getString("status")).isEqualTo("EXPIRED");
        assertThat(((Number) expired.get("version")).longValue()).isEqualTo(((Number) version).longValue() + 1);
        assertThat(expired.get(Fence.FIELDS, Document.class).get(name)).isEqualTo(lease.token());
    }

    private void set(String id, Update update) {
        assertThat(mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, "achievements").block(WAIT).getMatchedCount()).isEqualTo(1);
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "achievements").block(WAIT);
    }
}
