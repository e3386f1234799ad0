package io.ttx.brokerage.persistence;

import io.ttx.brokerage.persistence.RegisterDocument.SignedGrant;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.stores.MongoStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The per-achievement registers ({@link RegisterDocument}). Buyer slots are single conditional upserts; grant changes
 * read the register, decide in Java (the overlap rules are not a query) and write conditionally on the version read,
 * retried on a lost race, so concurrent signings are decided one after the other.
 */
@Component
public class RegisterStore extends MongoStore<RegisterDocument> {
    public static final String COLLECTION = "deal_registers";
    private static final int RACES = 100;
    private static final String SLOTS = "openBuyers.";

    RegisterStore(ReactiveMongoTemplate mongo) {
        super(mongo, RegisterDocument.class, COLLECTION);
    }

    /**
     * Takes the buyer organisation's slot on the achievement for {@code dealId}: false when the organisation already
     * holds one (an active deal). Creates the register on first use.
     */
    public Mono<Boolean> claimBuyer(String achievementId, String org, String dealId) {
        return claim(Query.query(unclaimed(achievementId, org)), claiming(org, dealId));
    }

    /**
     * {@link #claimBuyer(String, String, String)} for a job under a lease (the closing job writing a sold auction's deal):
     * also false once a newer holder of the lease wrote the register ({@link Fence}).
     */
    public Mono<Boolean> claimBuyer(String achievementId, String org, String dealId, Fence fence) {
        return claim(Query.query(fence.on(unclaimed(achievementId, org))), fence.mark(claiming(org, dealId)));
    }

    private static Criteria unclaimed(String achievementId, String org) {
        return Criteria.where("_id").is(achievementId).and(SLOTS + org).exists(false);
    }

    private static Update claiming(String org, String dealId) {
        return new Update().set(SLOTS + org, dealId).setOnInsert("grants", List.of()).setOnInsert("version", 0L);
    }

    private Mono<Boolean> claim(Query q, Update u) {
        return mongo.upsert(q, u, COLLECTION).thenReturn(true).onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /** Frees the organisation's slot if {@code dealId} still holds it (repeatable). */
    public Mono<Void> releaseBuyer(String achievementId, String org, String dealId) {
        return mongo.updateFirst(Query.query(held(achievementId, org, dealId)), new Update().unset(SLOTS + org), COLLECTION).then();
    }

    /** {@link #releaseBuyer(String, String, String)} by the repair job: fenced by its lease ({@link Fence}). */
    public Mono<Void> releaseBuyer(String achievementId, String org, String dealId, Fence fence) {
        return mongo.updateFirst(Query.query(fence.on(held(achievementId, org, dealId))), fence.mark(new Update().unset(SLOTS + org)),
            COLLECTION).then();
    }

    private static Criteria held(String achievementId, String org, String dealId) {
        return Criteria.where("_id").is(achievementId).and(SLOTS + org).is(dealId);
    }

    /**
     * Reserves a grant for {@code dealId} unless {@code conflicts} finds any among the grants held (then the returned
     * list is non-empty and nothing is written). Repeatable: a deal that holds a reservation already keeps it.
     */
    public Mono<List<SignedGrant>> reserve(String achievementId, SignedGrant grant, Function<List<SignedGrant>, List<SignedGrant>> conflicts) {
        return Mono.defer(() -> find(achievementId).defaultIfEmpty(new RegisterDocument(achievementId, Map.of(), List.of(), -1))
            .flatMap(reg -> {
                List<SignedGrant> others = reg.grants().stream().filter(g -> !g.dealId().equals(grant.dealId())).toList();
                List<SignedGrant> found = conflicts.apply(others);
                if (!found.isEmpty()) return Mono.just(found);
                if (others.size() < reg.grants().size()) return Mono.just(List.<SignedGrant>of());
                return write(reg, append(reg.grants(), grant)).map(ok -> List.<SignedGrant>of());
            }))
            .retryWhen(lostRace());
    }

    /** Rewrites the grants of a register (confirm, end, remove one), conditionally on the version read, retried on a race. */
    public Mono<Void> rewriteGrants(String achievementId, UnaryOperator<List<SignedGrant>> change) {
        return rewrite(achievementId, change, (reg, grants) -> write(reg, grants));
    }

    /**
     * {@link #rewriteGrants(String, UnaryOperator)} by the repair job: fenced by its lease ({@link Fence}); errors with
     * {@link Fence#lost()} (not retried) once a newer holder of the lease wrote the register.
     */
    public Mono<Void> rewriteGrants(String achievementId, UnaryOperator<List<SignedGrant>> change, Fence fence) {
        return rewrite(achievementId, change, (reg, grants) -> write(reg, grants, fence));
    }

    private Mono<Void> rewrite(String achievementId, UnaryOperator<List<SignedGrant>> change,
                               BiFunction<RegisterDocument, List<SignedGrant>, Mono<Boolean>> write) {
        return Mono.defer(() -> find(achievementId).flatMap(reg -> {
            List<SignedGrant> next = change.apply(reg.grants());
            return next.equals(reg.grants()) ? Mono.just(true) : write.apply(reg, next);
        })).retryWhen(lostRace()).then();
    }

    /** Every register (for the repair sweep), read in replies of {@code batch} documents. */
    public Flux<RegisterDocument> all(int batch) {
        return mongo.find(new Query().cursorBatchSize(batch), RegisterDocument.class, COLLECTION);
    }

    private Mono<Boolean> write(RegisterDocument reg, List<SignedGrant> grants) {
        // every deal took a buyer slot first, which created its register
        if (reg.version() < 0) return Mono.error(new IllegalStateException("no register for achievement " + reg.id()));
        return mongo.updateFirst(Query.query(version(reg)), regranted(grants), COLLECTION)
            .flatMap(r -> r.getModifiedCount() == 1 ? Mono.just(true) : Mono.error(new LostRace()));
    }

    /** A miss is a lost race unless a newer holder of the lease wrote the register: then the fence's error (no retry). */
    private Mono<Boolean> write(RegisterDocument reg, List<SignedGrant> grants, Fence fence) {
        return mongo.updateFirst(Query.query(fence.on(version(reg))), fence.mark(regranted(grants)), COLLECTION)
            .flatMap(r -> r.getModifiedCount() == 1 ? Mono.just(true)
                : fence.refused(mongo, COLLECTION, reg.id()).then(Mono.error(new LostRace())));
    }

    private static Criteria version(RegisterDocument reg) {
        return Criteria.where("_id").is(reg.id()).and("version").is(reg.version());
    }

    private static Update regranted(List<SignedGrant> grants) {
        return new Update().set("grants", grants).inc("version", 1);
    }

    private static List<SignedGrant> append(List<SignedGrant> grants, SignedGrant grant) {
        List<SignedGrant> next = new ArrayList<>(grants);
        next.add(grant);
        return next;
    }

    private static Retry lostRace() {
        return Retry.backoff(RACES, Duration.ofMillis(2)).maxBackoff(Duration.ofMillis(50)).jitter(0.5).filter(LostRace.class::isInstance);
    }

    /** Another writer changed the register between our read and write. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super("register changed meanwhile", null, false, false);
        }
    }
}
