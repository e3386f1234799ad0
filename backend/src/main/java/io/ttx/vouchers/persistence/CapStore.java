package io.ttx.vouchers.persistence;

import io.ttx.shared.jobs.Fence;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The yearly caps ({@code voucher_caps}): one counter per programme, year and holder (or controller) of the face value
 * issued, with the vouchers that took it. Taking is one conditional increment that keeps the counter within its cap and
 * never counts a voucher twice; giving back (an issuance that failed later) removes exactly what that voucher took.
 */
@Component
public class CapStore {
    public static final String COLLECTION = "voucher_caps";
    private final ReactiveMongoTemplate mongo;

    CapStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private record Cap(String id, long used, List<String> vouchers) { }

    /** The key of a holder's or controller's counter. */
    public static String key(String programmeId, int year, String kind, String who) {
        return programmeId + "|" + year + "|" + kind + "|" + who;
    }

    public Mono<Long> used(String key) {
        return mongo.findById(key, Cap.class, COLLECTION).map(Cap::used).defaultIfEmpty(0L);
    }

    /** Takes {@code face} of the cap for the voucher: true when taken (now or before), false when the cap would pass. */
    public Mono<Boolean> take(String key, String voucherId, long face, long cap) {
        Query ensure = Query.query(Criteria.where("_id").is(key));
        Update init = new Update().setOnInsert("used", 0L).setOnInsert("vouchers", List.of());
        Query fits = Query.query(Criteria.where("_id").is(key).and("used").lte(cap - face).and("vouchers").ne(voucherId));
        Update take = new Update().inc("used", face).push("vouchers", voucherId);
        return mongo.upsert(ensure, init, COLLECTION)
            .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
            .then(mongo.updateFirst(fits, take, COLLECTION))
            .flatMap(r -> r.getModifiedCount() == 1 ? Mono.just(true)
                : mongo.findById(key, Cap.class, COLLECTION).map(c -> c.vouchers().contains(voucherId)).defaultIfEmpty(false));
    }

    /** Gives back what the voucher took, if it took anything (repeatable). */
    public Mono<Void> release(String key, String voucherId, long face) {
        return release(key, voucherId, face, Fence.NONE);
    }

    /** As {@link #release(String, String, long)}, fenced (the issue recovery giving a failed issuance's caps back). */
    public Mono<Void> release(String key, String voucherId, long face, Fence fence) {
        Query q = Query.query(fence.on(Criteria.where("_id").is(key).and("vouchers").is(voucherId)));
        return fence.checked(mongo.updateFirst(q, fence.mark(new Update().inc("used", -face).pull("vouchers", voucherId)), COLLECTION)
            .map(r -> r.getModifiedCount() == 1), mongo, COLLECTION, key).then();
    }
}
