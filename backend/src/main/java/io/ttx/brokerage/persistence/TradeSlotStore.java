package io.ttx.brokerage.persistence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * One live auction or tender per achievement ({@code trade_slots}, keyed by the achievement id): taken by an insert
 * before the auction or tender is written, given back when it ends. A slot whose holder is not live (never written
 * after a crash, or ended without giving it back) is taken over by a write conditional on that holder.
 */
@Component
public class TradeSlotStore {
    public static final String COLLECTION = "trade_slots";
    private final ReactiveMongoTemplate mongo;

    TradeSlotStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private record Slot(String id, String holder) { }

    /** True when {@code holder} holds the achievement's slot now; {@code live} says whether another holder still runs. */
    public Mono<Boolean> take(String achievementId, String holder, Function<String, Mono<Boolean>> live) {
        return mongo.insert(new Slot(achievementId, holder), COLLECTION).thenReturn(true)
            .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(achievementId, Slot.class, COLLECTION)
                .flatMap(s -> s.holder().equals(holder) ? Mono.just(true) : live.apply(s.holder()).flatMap(running -> running ? Mono.just(false)
                    : mongo.updateFirst(Query.query(Criteria.where("_id").is(achievementId).and("holder").is(s.holder())),
                        new Update().set("holder", holder), COLLECTION).map(r -> r.getModifiedCount() == 1)))
                .defaultIfEmpty(false));
    }

    /** Gives the slot back if {@code holder} still holds it (repeatable). */
    public Mono<Void> release(String achievementId, String holder) {
        return mongo.remove(Query.query(Criteria.where("_id").is(achievementId).and("holder").is(holder)), COLLECTION).then();
    }
}
