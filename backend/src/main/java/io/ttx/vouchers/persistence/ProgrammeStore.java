package io.ttx.vouchers.persistence;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.stores.MongoStore;
import io.ttx.vouchers.domain.Programme;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Voucher programmes ({@code voucher_programmes}). The budget counters change by writes conditional on the version
 * read; taking budget for an issuance also records it as pending in the same write, so a crash never loses track of it.
 */
@Component
public class ProgrammeStore extends MongoStore<ProgrammeDocument> {
    public static final String COLLECTION = "voucher_programmes";

    ProgrammeStore(ReactiveMongoTemplate mongo) {
        super(mongo, ProgrammeDocument.class, COLLECTION);
    }

    /** Newest first below the cursor, optionally of one province. */
    public Flux<ProgrammeDocument> page(@Nullable String region, @Nullable String before, int limit) {
        return newestFirst(region == null ? new Criteria() : Criteria.where("region").is(region), before, limit);
    }

    /** Writes the programme's next counters if it still has {@code expectedVersion}, adding {@code pending}. Empty on a lost race. */
    public Mono<ProgrammeDocument> reserve(Programme next, long expectedVersion, ProgrammeDocument.PendingIssue pending) {
        Update u = counters(next).push("pending", pending);
        return write(onVersion(next, expectedVersion), u);
    }

    /** Gives an issuance's budget back (its next counters) if it is still pending and the version holds. Empty otherwise. */
    public Mono<ProgrammeDocument> unreserve(Programme next, long expectedVersion, String voucherId) {
        return unreserve(next, expectedVersion, voucherId, Fence.NONE);
    }

    /** As {@link #unreserve(Programme, long, String)}, fenced (the issue recovery giving an issuance's budget back). */
    public Mono<ProgrammeDocument> unreserve(Programme next, long expectedVersion, String voucherId, Fence fence) {
        Update u = counters(next).pull("pending", new Document("voucherId", voucherId));
        return write(fence.on(onVersion(next, expectedVersion).and("pending.voucherId").is(voucherId)), fence.mark(u))
            .switchIfEmpty(Mono.defer(() -> fence.refused(mongo, COLLECTION, next.id()).then(Mono.empty())));
    }

    /** Writes the programme's next counters if it still has {@code expectedVersion} (returns, redemptions). Empty on a lost race. */
    public Mono<ProgrammeDocument> replace(Programme next, long expectedVersion) {
        return write(onVersion(next, expectedVersion), counters(next));
    }

    /** An issuance completed: its voucher is written (the version stays). */
    public Mono<Void> completed(String programmeId, String voucherId) {
        return completed(programmeId, voucherId, Fence.NONE);
    }

    /** As {@link #completed(String, String)}, fenced (the issue recovery completing an issuance whose voucher exists). */
    public Mono<Void> completed(String programmeId, String voucherId, Fence fence) {
        Query q = Query.query(fence.on(Criteria.where("_id").is(programmeId)));
        return fence.checked(mongo.updateFirst(q, fence.mark(new Update().pull("pending", new Document("voucherId", voucherId))), COLLECTION)
            .map(r -> r.getMatchedCount() == 1), mongo, COLLECTION, programmeId).then();
    }

    /** Programmes with an issuance pending since before {@code before} (the recovery sweep's work). */
    public Flux<ProgrammeDocument> withPendingBefore(Instant before, int limit) {
        return mongo.find(Query.query(Criteria.where("pending.at").lt(before)).limit(limit), ProgrammeDocument.class, COLLECTION);
    }

    /**
     * On the version read, the document's and the programme's own: a read that saw an older programme next to a newer
     * document version (the dev MongoDB does not read a document atomically) must lose the race, not write back.
     */
    private static Criteria onVersion(Programme next, long expectedVersion) {
        return Criteria.where("_id").is(next.id()).and("version").is(expectedVersion).and("programme.version").is(next.version() - 1);
    }

    private Update counters(Programme next) {
        Document bson = new Document();
        mongo.getConverter().write(next, bson);
        return new Update().set("programme", bson).set("version", next.version());
    }

    private Mono<ProgrammeDocument> write(Criteria c, Update u) {
        return mongo.findAndModify(Query.query(c), u, FindAndModifyOptions.options().returnNew(true), ProgrammeDocument.class, COLLECTION);
    }
}
