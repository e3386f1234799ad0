package io.ttx.brokerage.persistence;

import io.ttx.brokerage.domain.AuctionState;
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
import java.util.List;

/** MongoDB access to auctions: one conditional write per change (bids included), and the closing job's queries. */
@Component
public class AuctionStore extends MongoStore<AuctionDocument> {
    public static final String COLLECTION = "auctions";

    AuctionStore(ReactiveMongoTemplate mongo) {
        super(mongo, AuctionDocument.class, COLLECTION);
    }

    /**
     * Writes the auction's next state if it still has {@code expectedVersion} and, for a bid, does not hold that bid yet
     * ({@code newBidId}: a bid taken over from a crashed request is never added twice). Empty when someone changed it first.
     */
    public Mono<AuctionDocument> replace(AuctionDocument next, long expectedVersion, @Nullable String newBidId) {
        Criteria c = Criteria.where("_id").is(next.id()).and("version").is(expectedVersion);
        if (newBidId != null) c = c.and("auction.bids.id").ne(newBidId);
        return write(Query.query(c), changes(next));
    }

    /**
     * The closing job's {@link #replace} (no bid): also refused once a newer holder of the job's lease wrote the auction
     * ({@link Fence}), and marked with this holder's token. Empty when someone changed it first or the fence refused it.
     */
    public Mono<AuctionDocument> close(AuctionDocument next, long expectedVersion, Fence fence) {
        Criteria c = Criteria.where("_id").is(next.id()).and("version").is(expectedVersion);
        return write(Query.query(fence.on(c)), fence.mark(changes(next)));
    }

    private Update changes(AuctionDocument next) {
        Document bson = new Document();
        mongo.getConverter().write(next, bson);
        Update update = new Update();
        for (String field : List.of("auction", "state", "closesAt", "version", "dealPending")) update.set(field, bson.get(field));
        return update;
    }

    private Mono<AuctionDocument> write(Query q, Update update) {
        return mongo.findAndModify(q, update, FindAndModifyOptions.options().returnNew(true), AuctionDocument.class, COLLECTION);
    }

    /** Live auctions past their close, and sold ones whose deal may not be written yet: the closing job's work. */
    public Flux<AuctionDocument> due(Instant now, int limit) {
        Criteria c = new Criteria().orOperator(Criteria.where("state").is(AuctionState.LIVE.name()).and("closesAt").lte(now),
            Criteria.where("dealPending").is(true));
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.ASC, "closesAt")).limit(limit), AuctionDocument.class, COLLECTION);
    }

    /** Clears {@code dealPending} once the sold auction's deal is written (the closing job, fenced by its lease). */
    public Mono<Void> dealWritten(String id, Fence fence) {
        return mongo.updateFirst(Query.query(fence.on(Criteria.where("_id").is(id))), fence.mark(new Update().set("dealPending", false)),
            COLLECTION).then();
    }

    /** Newest first below the cursor, optionally of one achievement. */
    public Flux<AuctionDocument> page(@Nullable String achievementId, @Nullable String before, int limit) {
        return newestFirst(achievementId == null ? new Criteria() : Criteria.where("achievementId").is(achievementId), before, limit);
    }
}
