package io.ttx.vouchers.persistence;

import io.ttx.shared.jobs.Fence;
import io.ttx.vouchers.persistence.SettlementDocument.Line;
import io.ttx.vouchers.persistence.SettlementDocument.Position;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
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

/**
 * Settlement batches ({@code settlement_batches}) and their intake of redemptions: a redemption joins a batch by one
 * conditional write (APPROVED, approved before the cut-off, in no batch), so it is in exactly one. Our agencies'
 * redemptions of other platforms' vouchers ({@code federated_redemptions}) join the same way once the issuer approved
 * them; they keep the issuer's status.
 */
@Component
public class SettlementStore {
    public static final String COLLECTION = "settlement_batches";
    private final ReactiveMongoTemplate mongo;

    SettlementStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Empty when this request created the batch; the existing one when its key was used before. */
    public Mono<SettlementDocument> claim(SettlementDocument pending) {
        return mongo.insert(pending, COLLECTION).then(Mono.<SettlementDocument>empty())
            .onErrorResume(DuplicateKeyException.class, e -> find(pending.id()));
    }

    public Mono<SettlementDocument> find(String id) {
        return mongo.findById(id, SettlementDocument.class, COLLECTION);
    }

    /**
     * Every APPROVED redemption approved before the cut-off and in no batch joins this one (SETTLED), and so does every
     * federated redemption of ours the issuer approved before the cut-off (as we saw it); how many joined now.
     */
    public Mono<Long> take(String batchId, Instant cutoff, Instant now) {
        return take(batchId, cutoff, now, Fence.NONE);
    }

    /**
     * As {@link #take(String, Instant, Instant)}, fenced (the recovery finishing a batch): each redemption joins only
     * while no newer holder of the lease wrote it.
     */
    public Mono<Long> take(String batchId, Instant cutoff, Instant now, Fence fence) {
        Query q = Query.query(fence.on(Criteria.where("status").is("APPROVED").and("approvedAt").lt(cutoff).and("batchId").is(null)));
        Update u = fence.mark(new Update().set("status", "SETTLED").set("batchId", batchId).set("settledAt", now));
        Query federated = Query.query(fence.on(Criteria.where("status").in(FederatedRedemptionDocument.APPROVED).and("approvedAt").lt(cutoff)
            .and("batchId").is(null)));
        return mongo.updateMulti(q, u, RedemptionStore.COLLECTION).map(r -> r.getModifiedCount())
            .zipWith(mongo.updateMulti(federated, fence.mark(new Update().set("batchId", batchId)), FederatedRedemptionStore.COLLECTION)
                .map(r -> r.getModifiedCount()), Long::sum);
    }

    /** The batch's redemptions: issuer province, provider province, subsidy and the calling peer (federated ones) of each. */
    public Flux<Document> members(String batchId) {
        Query q = Query.query(Criteria.where("batchId").is(batchId));
        q.fields().include("issuerRegion").include("agencyRegion").include("subsidy").include("federation.peer");
        return mongo.find(q, Document.class, RedemptionStore.COLLECTION);
    }

    /** The batch's redemptions of other platforms' vouchers by our agencies: issuer and agency province, subsidy, peer. */
    public Flux<Document> federatedMembers(String batchId) {
        Query q = Query.query(Criteria.where("batchId").is(batchId));
        q.fields().include("issuerRegion").include("agencyRegion").include("subsidy").include("peer");
        return mongo.find(q, Document.class, FederatedRedemptionStore.COLLECTION);
    }

    /** Writes the lines and total of a PENDING batch; the batch as it is afterwards. */
    public Mono<SettlementDocument> complete(String id, List<Line> lines, List<Position> positions, long count, long total, Instant now) {
        return complete(id, lines, positions, count, total, now, Fence.NONE);
    }

    /** As {@link #complete(String, List, List, long, long, Instant)}, fenced (the recovery finishing a batch). */
    public Mono<SettlementDocument> complete(String id, List<Line> lines, List<Position> positions, long count, long total, Instant now,
                                             Fence fence) {
        List<Document> docs = lines.stream().map(l -> new Document("issuerRegion", l.issuerRegion()).append("providerRegion", l.providerRegion())
            .append("count", l.count()).append("amount", l.amount())).toList();
        List<Document> peers = positions.stream().map(p -> new Document("peer", p.peer()).append("owesUs", p.owesUs()).append("weOwe", p.weOwe()))
            .toList();
        Update u = new Update().set("status", SettlementDocument.COMPLETE).set("lines", docs).set("positions", peers).set("count", count)
            .set("total", total).set("completedAt", now);
        return mongo.findAndModify(Query.query(fence.on(Criteria.where("_id").is(id).and("status").is(SettlementDocument.PENDING))), fence.mark(u),
            FindAndModifyOptions.options().returnNew(true), SettlementDocument.class, COLLECTION)
            .switchIfEmpty(Mono.defer(() -> fence.refused(mongo, COLLECTION, id).then(find(id))));
    }

    /** Batches whose cut-off lies in [from, to), oldest first (a month holds a handful). */
    public Flux<SettlementDocument> cutBetween(Instant from, Instant to, int limit) {
        return mongo.find(Query.query(Criteria.where("cutoff").gte(from).lt(to)).with(Sort.by("cutoff")).limit(limit), SettlementDocument.class,
            COLLECTION);
    }

    /** PENDING batches created before {@code before} (the recovery's work). */
    public Flux<SettlementDocument> pendingBefore(Instant before, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(SettlementDocument.PENDING).and("cutoff").lt(before)).limit(limit),
            SettlementDocument.class, COLLECTION);
    }
}
