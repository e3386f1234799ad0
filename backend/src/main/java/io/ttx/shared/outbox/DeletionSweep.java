package io.ttx.shared.outbox;

import com.mongodb.client.result.DeleteResult;
import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes the documents a deletion marked ({@link Deletions}) once the relay has delivered their events: one
 * conditional delete per outbox collection, "marked deleted and no event pending", so a document whose events have
 * not all been delivered stays, whatever the relay is doing meanwhile. Runs every fourth poll interval of the relay
 * (2 s by default), one replica at a time; a crash anywhere only delays the removal.
 */
@Component
class DeletionSweep extends LeasedJob {
    private static final Query DELIVERED = Query.query(Criteria.where(Deletions.FIELD).is(true).and("pendingEvents.0").exists(false));
    private final ReactiveMongoTemplate mongo;
    private final ObjectProvider<OutboxSource> sources;

    DeletionSweep(ReactiveMongoTemplate mongo, Leases leases, OutboxProperties props, ObjectProvider<OutboxSource> sources) {
        super("sweep:deletions", props.pollInterval().multipliedBy(4), leases);
        this.mongo = mongo;
        this.sources = sources;
    }

    /**
     * Not fenced by the lease's token: a delete leaves no document to keep a token in, and it is the same delete
     * whoever runs it (docs/operations.md, section 13).
     */
    @Override
    protected Mono<Long> runOnce(Lease lease) {
        return removeDelivered();
    }

    /** One sweep over every outbox collection; emits how many documents were removed. */
    Mono<Long> removeDelivered() {
        return Flux.fromStream(sources.orderedStream()).map(OutboxSource::collection).distinct()
            .concatMap(collection -> mongo.remove(DELIVERED, collection))
            .map(DeleteResult::getDeletedCount)
            .reduce(0L, Long::sum);
    }
}
