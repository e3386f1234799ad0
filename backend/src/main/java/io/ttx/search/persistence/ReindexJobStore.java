package io.ttx.search.persistence;

import io.ttx.search.reindex.ReindexJob;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** The reindex jobs (collection {@code search_reindex_jobs}): any replica can report a job another one runs. */
@Component
public class ReindexJobStore {
    private final ReactiveMongoTemplate mongo;

    ReindexJobStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<ReindexJob> insert(ReindexJob job) {
        return mongo.insert(job);
    }

    public Mono<ReindexJob> find(String id) {
        return mongo.findById(id, ReindexJob.class);
    }

    /** Replaces the whole job (progress and outcome). */
    public Mono<ReindexJob> save(ReindexJob job) {
        return mongo.save(job);
    }

    /**
     * Moves only the heartbeat: a whole-document save here could land after a newer progress save and undo it.
     */
    public Mono<Void> heartbeat(String id, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("heartbeatAt", at), ReindexJob.class).then();
    }
}
