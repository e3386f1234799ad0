package io.ttx.brokerage.persistence;

import io.ttx.brokerage.domain.DealStage;
import io.ttx.brokerage.domain.TrailEntry;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.stores.MongoStore;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** MongoDB access to deals: insert, one conditional write per command, visibility-filtered pages, the NDA query. */
@Component
public class DealStore extends MongoStore<DealDocument> {
    public static final String COLLECTION = "deals";
    /** The field of the idle mark ({@link DealDocument#idleNotifiedFor}). */
    public static final String IDLE_MARK = "idleNotifiedFor";
    /** The stages that end a deal, as stored. */
    private static final List<String> ENDED = Arrays.stream(DealStage.values()).filter(s -> !s.isOpen()).map(DealStage::name).toList();

    DealStore(ReactiveMongoTemplate mongo) {
        super(mongo, DealDocument.class, COLLECTION);
    }

    /**
     * Writes the deal's next state if it still has {@code expectedVersion}, appending {@code entry} to the trail and
     * {@code event} to the pending events (never rewriting either list: the relay removes delivered events meanwhile),
     * and removing the idle mark (a command ends an idle period). Empty when someone changed the deal first.
     */
    public Mono<DealDocument> replace(DealDocument next, long expectedVersion, TrailEntry entry, PendingEvent event) {
        Query q = Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion));
        Document bson = new Document();
        mongo.getConverter().write(next, bson);
        Update update = new Update();
        for (String field : List.of("deal", "brokerOrg", "stage", "active", "ndaComplete", "version", "updatedAt")) {
            update.set(field, bson.get(field));
        }
        update.push("trail", bson.getList("trail", Object.class).getLast());
        update.push("pendingEvents", bson.getList("pendingEvents", Object.class).getLast());
        update.unset(IDLE_MARK);
        return mongo.findAndModify(q, update, FindAndModifyOptions.options().returnNew(true), DealDocument.class, COLLECTION);
    }

    /**
     * Active deals without a command since {@code before} and not yet marked idle in this idle period, longest idle
     * first, at most {@code limit}.
     */
    public Flux<DealDocument> idleSince(Instant before, int limit) {
        Query q = Query.query(Criteria.where("active").is(true).and("updatedAt").lt(before).and(IDLE_MARK).is(null))
            .with(Sort.by(Sort.Direction.ASC, "updatedAt")).limit(limit);
        return mongo.find(q, DealDocument.class, COLLECTION);
    }

    /**
     * Records that the deal went idle at {@code version}: sets the idle mark and appends {@code event} (carrying that same
     * version) in one write conditional on the version, the deal still active and not yet marked. The version, the
     * ETag and {@code updatedAt} stay, so a client's If-Match still holds; a command that wrote first makes this write
     * miss (false), and a command after it is not hindered (it removes the mark). Never two marks for one version.
     * Fenced by the idle sweep's lease ({@link Fence}): false too once a newer holder of the lease wrote the deal.
     */
    public Mono<Boolean> markIdle(String id, long version, PendingEvent event, Fence fence) {
        Criteria c = Criteria.where("_id").is(id).and("version").is(version).and("active").is(true).and(IDLE_MARK).is(null);
        Update u = new Update().set(IDLE_MARK, version).push("pendingEvents", event);
        return mongo.updateFirst(Query.query(fence.on(c)), fence.mark(u), COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    /**
     * Newest first below {@code before}: deals matching any of {@code scopes} (each a visibility rule of the caller;
     * none = every deal), optionally in one stage and of one achievement.
     */
    public Flux<DealDocument> page(@Nullable List<Criteria> scopes, @Nullable DealStage stage, @Nullable String achievementId,
                                   @Nullable String before, int limit) {
        Criteria c = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (scopes != null) all.add(new Criteria().orOperator(scopes));
        if (stage != null) all.add(Criteria.where("stage").is(stage.name()));
        if (achievementId != null) all.add(Criteria.where("achievementId").is(achievementId));
        if (!all.isEmpty()) c = new Criteria().andOperator(all);
        return newestFirst(c, before, limit);
    }

    /** Whether the organisation bought into a deal on the achievement whose NDA both parties signed (and which goes on). */
    public Mono<Boolean> ndaSigned(String buyerOrg, String achievementId) {
        return mongo.exists(Query.query(Criteria.where("achievementId").is(achievementId).and("buyerOrg").is(buyerOrg)
            .and("ndaComplete").is(true)), COLLECTION);
    }

    /** Whether the organisation bought into any deal on the achievement (it may then see the grants). */
    public Mono<Boolean> hasDeal(String buyerOrg, String achievementId) {
        return mongo.exists(Query.query(Criteria.where("achievementId").is(achievementId).and("buyerOrg").is(buyerOrg)), COLLECTION);
    }

    /** Closed deals of a field with a contract value, most recently changed first. */
    public Flux<DealDocument> closedInField(String field, int limit) {
        Query q = Query.query(Criteria.where("field").is(field).and("stage").is(DealStage.CLOSED.name()))
            .with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(limit);
        return mongo.find(q, DealDocument.class, COLLECTION);
    }

    /**
     * Takes one of {@code limit} slots of a room counter ({@link RoomCounter}) while the deal is open: one conditional
     * increment of a top-level counter that no command writes, so the deal's version (its ETag) and its state stay as
     * they are. False when the deal ended or the counter is at its limit.
     */
    public Mono<Boolean> takeRoomSlot(String id, RoomCounter counter, int limit) {
        Query q = Query.query(Criteria.where("_id").is(id).and("stage").nin(ENDED).and(counter.field()).not().gte(limit));
        return mongo.updateFirst(q, new Update().inc(counter.field(), 1), COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    /** Gives back a slot taken for work that did not complete (an upload refused or cut, a message not written). */
    public Mono<Void> releaseRoomSlot(String id, RoomCounter counter) {
        Query q = Query.query(Criteria.where("_id").is(id).and(counter.field()).gt(0));
        return mongo.updateFirst(q, new Update().inc(counter.field(), -1), COLLECTION).then();
    }

    /** Deals of these achievement ids (the register's repair reads them). */
    public Flux<DealDocument> byIds(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), DealDocument.class, COLLECTION);
    }
}
