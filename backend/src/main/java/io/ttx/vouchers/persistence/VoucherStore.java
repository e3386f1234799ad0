package io.ttx.vouchers.persistence;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.stores.MongoStore;
import io.ttx.vouchers.domain.LedgerEntry;
import io.ttx.vouchers.domain.Voucher;
import io.ttx.vouchers.domain.VoucherStatus;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Vouchers ({@code vouchers}): every change is one write conditional on the version read, appending its ledger entry. */
@Component
public class VoucherStore extends MongoStore<VoucherDocument> {
    public static final String COLLECTION = "vouchers";

    VoucherStore(ReactiveMongoTemplate mongo) {
        super(mongo, VoucherDocument.class, COLLECTION);
    }

    private Update update(Voucher next, LedgerEntry entry) {
        Document v = new Document();
        mongo.getConverter().write(next, v);
        Document e = new Document();
        mongo.getConverter().write(entry, e);
        return new Update().set("voucher", v).set("status", next.status().name()).set("version", next.version()).push("ledger", e);
    }

    /** Writes the voucher's next state with its ledger entry if it still has {@code expectedVersion}; empty on a lost race. */
    public Mono<VoucherDocument> change(Voucher next, long expectedVersion, LedgerEntry entry) {
        return change(next, expectedVersion, entry, Fence.NONE);
    }

    /** As {@link #change(Voucher, long, LedgerEntry)}, fenced (a sweep's write): {@link Fence}. */
    public Mono<VoucherDocument> change(Voucher next, long expectedVersion, LedgerEntry entry, Fence fence) {
        Update u = fence.mark(update(next, entry));
        // the voucher's own version too: a read that saw an older voucher next to a newer top-level version (the dev
        // MongoDB does not read a document atomically) must lose the race, not write an older redeemed value back
        Criteria c = Criteria.where("_id").is(next.id()).and("version").is(expectedVersion).and("voucher.version").is(next.version() - 1);
        return mongo.findAndModify(Query.query(fence.on(c)), u,
            FindAndModifyOptions.options().returnNew(true), VoucherDocument.class, COLLECTION)
            .switchIfEmpty(Mono.defer(() -> fence.refused(mongo, COLLECTION, next.id()).then(Mono.empty())));
    }

    /**
     * Debits a redemption by one atomic increment of the voucher that appends its REDEEMED entry, guarded by what the
     * debit needs of the voucher's current state: ACTIVE, room for the subsidy (or, for a subsidy capped by what
     * remained, exactly the redeemed value it was decided on), no debit of this redemption yet and not voided. No
     * version check: concurrent debits of one voucher do not refuse each other while room remains. The agency's
     * organisation joins those that see the voucher. False when a guard fails.
     */
    public Mono<Boolean> redeem(String voucherId, long faceValue, long subsidy, @Nullable Long exactRedeemed, LedgerEntry entry,
                                String agencyOrg, Instant now) {
        return redeem(voucherId, faceValue, subsidy, exactRedeemed, entry, agencyOrg, now, Fence.NONE);
    }

    /** As {@link #redeem(String, long, long, Long, LedgerEntry, String, Instant)}, fenced (the recovery's debit). */
    public Mono<Boolean> redeem(String voucherId, long faceValue, long subsidy, @Nullable Long exactRedeemed, LedgerEntry entry,
                                String agencyOrg, Instant now, Fence fence) {
        String redemptionId = Objects.requireNonNull(entry.redemptionId(), "a debit names its redemption");
        Criteria c = Criteria.where("_id").is(voucherId).and("status").is(VoucherStatus.ACTIVE.name()).and("voided").ne(redemptionId)
            .and("ledger.redemptionId").ne(redemptionId);
        c = exactRedeemed == null ? c.and("voucher.redeemed").lte(faceValue - subsidy) : c.and("voucher.redeemed").is(exactRedeemed);
        Document e = new Document();
        mongo.getConverter().write(entry, e);
        Update u = new Update().inc("voucher.redeemed", subsidy).inc("voucher.version", 1).inc("version", 1).set("voucher.updatedAt", now)
            .push("ledger", e).addToSet("agencyOrgs", agencyOrg);
        return fence.checked(mongo.updateFirst(Query.query(fence.on(c)), fence.mark(u), COLLECTION)
            .map(r -> r.getModifiedCount() == 1), mongo, COLLECTION, voucherId); // no answer to decode: the ledger grows
    }

    /** The voucher without its ledger (what a first attempt of a redemption decides on): empty ledger in the answer. */
    public Mono<VoucherDocument> withoutLedger(String id) {
        Query q = Query.query(Criteria.where("_id").is(id));
        q.fields().exclude("ledger");
        return mongo.findOne(q, VoucherDocument.class, COLLECTION).map(d -> new VoucherDocument(d.id(), d.voucher(), d.programmeId(), d.holderOrg(),
            d.issuerRegion(), d.status(), d.validUntil(), d.version(), List.of(), d.agencyOrgs(), d.voided()));
    }

    /** Voids a redemption that has no entry in the ledger, so it can never debit; false when it has one. */
    public Mono<Boolean> voidRedemption(String voucherId, String redemptionId) {
        return voidRedemption(voucherId, redemptionId, Fence.NONE);
    }

    /** As {@link #voidRedemption(String, String)}, fenced (the recovery refusing a redemption it took over). */
    public Mono<Boolean> voidRedemption(String voucherId, String redemptionId, Fence fence) {
        Criteria c = Criteria.where("_id").is(voucherId).and("ledger.redemptionId").ne(redemptionId);
        return fence.checked(mongo.updateFirst(Query.query(fence.on(c)), fence.mark(new Update().addToSet("voided", redemptionId)), COLLECTION)
            .map(r -> r.getMatchedCount() == 1), mongo, COLLECTION, voucherId);
    }

    /** What a programme's vouchers took (live redemptions) and gave back to its budget (expired or revoked remainders). */
    public record Totals(long redeemed, long returned) { }

    /**
     * The sums over the programme's vouchers. The voucher documents are the only record of both, so the programme's
     * figures never disagree with its vouchers; a stale sum only understates what came back, so an issuance deciding on
     * it may refuse but never overspends.
     */
    public Mono<Totals> totals(String programmeId) {
        Aggregation a = Aggregation.newAggregation(Aggregation.match(Criteria.where("programmeId").is(programmeId)),
            Aggregation.group().sum("voucher.redeemed").as("redeemed").sum("voucher.returnedValue").as("returned"));
        return mongo.aggregate(a, COLLECTION, Document.class).next()
            .map(d -> new Totals(number(d.get("redeemed")), number(d.get("returned"))))
            .defaultIfEmpty(new Totals(0, 0));
    }

    private static long number(@Nullable Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    /** ACTIVE vouchers past their last valid day, at most {@code limit}. */
    public Flux<VoucherDocument> dueToExpire(LocalDate today, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(VoucherStatus.ACTIVE.name()).and("validUntil").lt(today)).limit(limit),
            VoucherDocument.class, COLLECTION);
    }

    /** Newest first below the cursor: those matching any of {@code scopes} (null: every voucher), optionally of one programme. */
    public Flux<VoucherDocument> page(@Nullable List<Criteria> scopes, @Nullable String programmeId, @Nullable String before, int limit) {
        Criteria c = new Criteria();
        if (scopes != null && programmeId != null) c = new Criteria().andOperator(new Criteria().orOperator(scopes), Criteria.where("programmeId").is(programmeId));
        else if (scopes != null) c = new Criteria().orOperator(scopes);
        else if (programmeId != null) c = Criteria.where("programmeId").is(programmeId);
        return newestFirst(c, before, limit);
    }
}
