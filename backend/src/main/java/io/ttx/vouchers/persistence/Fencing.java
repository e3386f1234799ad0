package io.ttx.vouchers.persistence;

import io.ttx.shared.jobs.Fence;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Whether a step's writes carry a sweep's {@link Fence}: the steps requests and sweeps share (a refund, a settlement
 * batch's intake, a redemption's decision) take it, so the request writes {@link #NONE} and the sweep its lease's fence.
 * A fenced write adds {@link Fence#on} to its own condition and {@link Fence#mark} to its update, nothing else; when it
 * matched nothing because a newer holder of the lease wrote the document, it fails with {@link Fence#lost}, so the round
 * stops instead of taking the refusal for a lost race and trying again.
 */
public sealed interface Fencing {
    /** A request's writes (no lease). */
    Fencing NONE = new None();

    static Fencing of(Fence fence) {
        return new Fenced(fence);
    }

    Criteria on(Criteria base);

    Update mark(Update update);

    /** After a write on the document {@code id} that changed nothing: a {@link Fence#lost} error when the fence refused it, else empty. */
    Mono<Void> refused(ReactiveMongoTemplate mongo, String collection, Object id);

    /** {@code changed} as it is, or the fence's error when the write changed nothing because of the fence. */
    default Mono<Boolean> checked(Mono<Boolean> changed, ReactiveMongoTemplate mongo, String collection, Object id) {
        return changed.flatMap(ok -> ok ? Mono.just(true) : refused(mongo, collection, id).thenReturn(false));
    }

    record None() implements Fencing {
        @Override
        public Criteria on(Criteria base) {
            return base;
        }

        @Override
        public Update mark(Update update) {
            return update;
        }

        @Override
        public Mono<Void> refused(ReactiveMongoTemplate mongo, String collection, Object id) {
            return Mono.empty();
        }
    }

    record Fenced(Fence fence) implements Fencing {
        @Override
        public Criteria on(Criteria base) {
            return fence.on(base);
        }

        @Override
        public Update mark(Update update) {
            return fence.mark(update);
        }

        @Override
        public Mono<Void> refused(ReactiveMongoTemplate mongo, String collection, Object id) {
            return mongo.exists(Query.query(Criteria.where("_id").is(id).and(fence.field()).gt(fence.token())), collection)
                .flatMap(newer -> newer ? Mono.error(fence.lost()) : Mono.empty());
        }
    }
}
