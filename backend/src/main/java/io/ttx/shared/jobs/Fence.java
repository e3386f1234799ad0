package io.ttx.shared.jobs;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * A job's MongoDB writes under its lease carry the lease's token (docs/decisions.md, "Several replicas"): each written
 * document keeps the highest token that wrote it in {@code field}, and a write only matches while that is missing or
 * not above this token. Once a replica that took the lease over has written a document, the replica it took it from
 * can no longer write it, even in the moment between its last renewal and its write.
 *
 * @param lease the lease's name (for {@link #lost()})
 */
public record Fence(String lease, String field, long token) {
    /** Where sweeps keep their tokens in the documents they write: one field per lease, since tokens of different leases do not compare. */
    public static final String FIELDS = "fences";

    /** No fence: the same write made outside any lease (request handling, the outbox relay's consumers). */
    public static final Fence NONE = new Fence("", "", Long.MAX_VALUE);

    /** The fence of {@code lease} at {@code token}, kept in {@code fences.<lease>} of each document written. */
    public static Fence of(String lease, long token) {
        return new Fence(lease, FIELDS + "." + lease, token);
    }

    /** {@code base} and "no newer holder wrote this document" (the field is missing or not above this token). */
    public Criteria on(Criteria base) {
        if (field.isEmpty()) return base;
        return new Criteria().andOperator(base, Criteria.where(field).not().gt(token));
    }

    /** Marks the document as written under this token (never lowers a newer one). */
    public Update mark(Update update) {
        if (field.isEmpty()) return update;
        return update.max(field, token);
    }

    /**
     * After a write on the document {@code id} that changed nothing: {@link #lost()} when this fence refused it (a newer
     * holder's token is in the document), else empty (the write's own condition missed: a lost race). So a round stops
     * instead of taking a refusal for a race and trying again. Always empty for {@link #NONE}.
     */
    public Mono<Void> refused(ReactiveMongoTemplate mongo, String collection, Object id) {
        if (field.isEmpty()) return Mono.empty();
        return mongo.exists(Query.query(Criteria.where("_id").is(id).and(field).gt(token)), collection)
            .flatMap(newer -> newer ? Mono.error(lost()) : Mono.empty());
    }

    /** {@code changed} as it is, or {@link #lost()} when the write changed nothing because of this fence. */
    public Mono<Boolean> checked(Mono<Boolean> changed, ReactiveMongoTemplate mongo, String collection, Object id) {
        return changed.flatMap(ok -> ok ? Mono.just(true) : refused(mongo, collection, id).thenReturn(false));
    }

    /** What a write refused by the fence means: another replica holds the lease now. */
    public LeaseLost lost() {
        return new LeaseLost(lease);
    }
}
