package io.ttx.search.persistence;

import io.ttx.search.reindex.ReindexJob;
import io.ttx.shared.jobs.Fence;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The reindex jobs (collection {@code search_reindex_jobs}): any replica can report a job another one runs. The
 * runner's writes are fenced by its lease's token ({@link Fence}): once a replica that took the reindex lease over has
 * marked a job interrupted, the replica that ran it can no longer write it, and stops.
 */
@Component
public class ReindexJobStore {
    private static final String FENCE = "fence";
    private final ReactiveMongoTemplate mongo;

    ReindexJobStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<ReindexJob> insert(ReindexJob job, Fence fence) {
        return save(job, fence).thenReturn(job);
    }

    public Mono<ReindexJob> find(String id) {
        return mongo.findById(id, ReindexJob.class);
    }

    /** Writes the whole job (progress and outcome); {@code LeaseLost} when a newer holder of the lease wrote it. */
    public Mono<Void> save(ReindexJob job, Fence fence) {
        Document fields = new Document();
        mongo.getConverter().write(job, fields);
        Update u = new Update();
        fields.forEach((k, v) -> {
            if (!k.equals("_id")) u.set(k, v);
        });
        return write(job.id(), u, fence, true);
    }

    /** Moves only the heartbeat: a whole-document save here could land after a newer progress save and undo it. */
    public Mono<Void> heartbeat(String id, Instant at, Fence fence) {
        return write(id, Update.update("heartbeatAt", at), fence, false);
    }

    /** Marks the jobs still RUNNING (their replica lost the lease) as INTERRUPTED, fenced so their runner stops writing. */
    public Mono<Long> interruptRunning(String error, Fence fence) {
        Query q = Query.query(fence.on(Criteria.where("status").is(ReindexJob.Status.RUNNING.name())));
        return mongo.updateMulti(q, fence.mark(Update.update("status", ReindexJob.Status.INTERRUPTED.name()).set("error", error)),
            ReindexJob.class).map(r -> r.getModifiedCount());
    }

    private Mono<Void> write(String id, Update u, Fence fence, boolean upsert) {
        Query q = Query.query(fence.on(Criteria.where("_id").is(id)));
        Update fenced = fence.mark(u);
        Mono<Boolean> written = upsert
            ? mongo.upsert(q, fenced, ReindexJob.class).map(r -> true)
            : mongo.updateFirst(q, fenced, ReindexJob.class).map(r -> r.getMatchedCount() > 0);
        return written.onErrorResume(DuplicateKeyException.class, e -> Mono.just(false))
            .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(fence.lost()));
    }
}
