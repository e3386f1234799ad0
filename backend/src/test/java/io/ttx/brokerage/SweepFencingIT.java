package io.ttx.brokerage;

import io.ttx.brokerage.domain.Auction;
import io.ttx.brokerage.domain.Bidding;
import io.ttx.brokerage.domain.Grant;
import io.ttx.brokerage.domain.TransferMode;
import io.ttx.brokerage.persistence.AuctionDocument;
import io.ttx.brokerage.persistence.AuctionStore;
import io.ttx.brokerage.persistence.DealStore;
import io.ttx.brokerage.persistence.PendingEvent;
import io.ttx.brokerage.persistence.RegisterDocument.SignedGrant;
import io.ttx.brokerage.persistence.RegisterStore;
import io.ttx.brokerage.persistence.TenderStore;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.LeaseLost;
import io.ttx.testsupport.TestOrgs;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.ttx.brokerage.TradeSteps.tenderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The brokerage sweeps' MongoDB writes carry their lease's token (issue #17, {@link Fence}): each store write a sweep
 * makes is refused once a newer holder of the lease wrote the document, leaving it as it was, and accepted again for
 * the newer holder. Each test fences under a lease name of its own, so the sweeps running on their timers in this
 * context (their own leases, tokens of the system clock) do not compare with it; the documents are brought into states
 * those sweeps do not reach while the test writes. One test per sweep shows that the running sweep's write leaves its
 * token in {@code fences.<lease>}.
 */
class SweepFencingIT extends TradeIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Sweeps on their timers: idle and auctions every 500 ms; the register repair every 30 s (production setting). */
    private static final Duration SWEPT = Duration.ofSeconds(20);
    private static final Duration REPAIRED = Duration.ofSeconds(75);
    private static final long OLD = 1_000L;
    private static final long NEW = OLD + 1;

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    DealStore deals;
    @Autowired
    AuctionStore auctions;
    @Autowired
    TenderStore tenders;
    @Autowired
    RegisterStore registers;

    // ---- IdleSweep: DealStore.markIdle

    /**
     * A deal marked idle under the newer token, then changed by a command (which removes the mark: idle again in the
     * sweep's eyes): the older token's mark is refused (no mark, no event, nothing else changed), the newer one's taken.
     * The deal is fresh, so the running idle sweep (the clock is not moved) leaves it alone.
     */
    @Test
    void anIdleMarkIsRefusedToAnOlderHolderOfTheIdleLease() {
        String lease = "sweep:idle-deals-" + System.nanoTime();
        String id = s.inquiry();
        long v0 = s.get(s.admin, id).get("version").asLong();
        assertThat(deals.markIdle(id, v0, idle(v0), Fence.of(lease, NEW)).block(WAIT)).isTrue();
        assertThat(fence(raw(DealStore.COLLECTION, id), lease)).isEqualTo(NEW);

        long v1 = s.ok(s.broker, id, "{\"type\":\"CLAIM\"}").get("version").asLong();
        Document before = raw(DealStore.COLLECTION, id);
        assertThat(before.get(DealStore.IDLE_MARK)).as("a command ends the idle period").isNull();
        PendingEvent refused = idle(v1);
        assertThat(deals.markIdle(id, v1, refused, Fence.of(lease, OLD)).block(WAIT)).as("the older holder").isFalse();
        Document after = raw(DealStore.COLLECTION, id);
        assertThat(after.get(DealStore.IDLE_MARK)).isNull();
        assertThat(after.getLong("version")).isEqualTo(v1);
        assertThat(after.get("trail", List.class)).hasSameSizeAs(before.get("trail", List.class));
        assertThat(eventIds(after)).doesNotContain(refused.id());
        assertThat(fence(after, lease)).isEqualTo(NEW);

        PendingEvent taken = idle(v1);
        assertThat(deals.markIdle(id, v1, taken, Fence.of(lease, NEW)).block(WAIT)).as("the newer holder again").isTrue();
        assertThat(raw(DealStore.COLLECTION, id).get(DealStore.IDLE_MARK)).isEqualTo(v1);
    }

    /** The running idle sweep marks a deal that went idle and leaves its token in {@code fences.sweep:idle-deals}. */
    @Test
    void theIdleSweepsMarkCarriesItsToken() {
        String id = s.inquiry();
        clock.advance(Duration.ofDays(8));
        eventually(SWEPT, () -> {
            Document d = raw(DealStore.COLLECTION, id);
            assertThat(d.get(DealStore.IDLE_MARK)).isNotNull();
            assertThat(fence(d, "sweep:idle-deals")).isPositive();
        });
    }

    // ---- AuctionCloser: AuctionStore.close, AuctionStore.dealWritten, TenderStore.dealWritten, RegisterStore.claimBuyer

    /**
     * A live auction (an hour to go: the running closing job leaves it alone) written unchanged under the newer token;
     * the older token's close is refused (still LIVE, same version), the newer one's closes it.
     */
    @Test
    void anAuctionsCloseIsRefusedToAnOlderHolderOfTheClosingLease() {
        String lease = "sweep:auctions-" + System.nanoTime();
        String id = t.openAuction(s.tto, t.listing("AUCTION"), "1000.00", "1000.00", "10.00", Duration.ofHours(1));
        AuctionDocument live = auctions.find(id).block(WAIT);
        long version = live.version();
        assertThat(auctions.close(live, version, Fence.of(lease, NEW)).block(WAIT)).isNotNull();

        Auction a = live.auction();
        AuctionDocument closed = AuctionDocument.of(Bidding.close(a, Ids.next("deal", a.closesAt()), a.closesAt()), false);
        assertThat(closed.state()).isEqualTo("UNSOLD");
        assertThat(auctions.close(closed, version, Fence.of(lease, OLD)).block(WAIT)).as("the older holder").isNull();
        Document after = raw(AuctionStore.COLLECTION, id);
        assertThat(after.getString("state")).isEqualTo("LIVE");
        assertThat(after.getLong("version")).isEqualTo(version);
        assertThat(fence(after, lease)).isEqualTo(NEW);

        AuctionDocument saved = auctions.close(closed, version, Fence.of(lease, NEW)).block(WAIT);
        assertThat(saved).as("the newer holder").isNotNull();
        assertThat(saved.state()).isEqualTo("UNSOLD");
        assertThat(raw(AuctionStore.COLLECTION, id).getString("state")).isEqualTo("UNSOLD");
    }

    /**
     * Clearing a sold auction's {@code dealPending}: once the newer token wrote the auction, the older one's clearing is
     * refused. The auction is live (no bid, an hour to go), {@code dealPending} set by hand between the writes: the
     * running closing job cannot write a deal for it (no bid) and so never clears it itself.
     */
    @Test
    void anAuctionsDealWrittenIsRefusedToAnOlderHolderOfTheClosingLease() {
        String lease = "sweep:auctions-" + System.nanoTime();
        String id = t.openAuction(s.tto, t.listing("AUCTION"), "1000.00", "1000.00", "10.00", Duration.ofHours(1));
        auctions.dealWritten(id, Fence.of(lease, NEW)).block(WAIT);
        assertThat(fence(raw(AuctionStore.COLLECTION, id), lease)).isEqualTo(NEW);
        setPending(AuctionStore.COLLECTION, id);

        auctions.dealWritten(id, Fence.of(lease, OLD)).block(WAIT);
        Document after = raw(AuctionStore.COLLECTION, id);
        assertThat(after.getBoolean("dealPending")).as("the older holder's write refused").isTrue();
        assertThat(fence(after, lease)).isEqualTo(NEW);

        auctions.dealWritten(id, Fence.of(lease, NEW)).block(WAIT);
        assertThat(raw(AuctionStore.COLLECTION, id).getBoolean("dealPending")).as("the newer holder again").isFalse();
    }

    /** The same for an awarded tender's {@code dealPending} (an open tender: the job has no award to write a deal of). */
    @Test
    void aTendersDealWrittenIsRefusedToAnOlderHolderOfTheClosingLease() {
        String lease = "sweep:auctions-" + System.nanoTime();
        String id = t.invited(s.tto, tenderBody(t.listing("TENDER"), null, t.now().plus(Duration.ofHours(1)))).get("id").asString();
        tenders.dealWritten(id, Fence.of(lease, NEW)).block(WAIT);
        assertThat(fence(raw(TenderStore.COLLECTION, id), lease)).isEqualTo(NEW);
        setPending(TenderStore.COLLECTION, id);

        tenders.dealWritten(id, Fence.of(lease, OLD)).block(WAIT);
        Document after = raw(TenderStore.COLLECTION, id);
        assertThat(after.getBoolean("dealPending")).as("the older holder's write refused").isTrue();
        assertThat(fence(after, lease)).isEqualTo(NEW);

        tenders.dealWritten(id, Fence.of(lease, NEW)).block(WAIT);
        assertThat(raw(TenderStore.COLLECTION, id).getBoolean("dealPending")).as("the newer holder again").isFalse();
    }

    /**
     * The buyer slot the closing job takes for a sold auction's deal: after the newer token claimed and the slot was
     * freed again (the deal ended), the older token's claim is refused (no slot), the newer one's taken. A register of
     * its own (an achievement id nobody else uses), its deal ids fresh: the running repair keeps such slots for a minute.
     */
    @Test
    void aBuyerSlotClaimIsRefusedToAnOlderHolderOfTheClosingLease() {
        String lease = "sweep:auctions-" + System.nanoTime();
        String register = freshRegisterId();
        String org = TestOrgs.random("91", "330100");
        assertThat(registers.claimBuyer(register, org, dealId(), Fence.of(lease, NEW)).block(WAIT)).isTrue();
        assertThat(fence(raw(RegisterStore.COLLECTION, register), lease)).isEqualTo(NEW);
        String first = raw(RegisterStore.COLLECTION, register).getEmbedded(List.of("openBuyers", org), String.class);
        registers.releaseBuyer(register, org, first).block(WAIT);

        assertThat(registers.claimBuyer(register, org, dealId(), Fence.of(lease, OLD)).block(WAIT)).as("the older holder").isFalse();
        Document after = raw(RegisterStore.COLLECTION, register);
        assertThat(after.get("openBuyers", Document.class)).doesNotContainKey(org);
        assertThat(fence(after, lease)).isEqualTo(NEW);

        String again = dealId();
        assertThat(registers.claimBuyer(register, org, again, Fence.of(lease, NEW)).block(WAIT)).as("the newer holder again").isTrue();
        assertThat(raw(RegisterStore.COLLECTION, register).getEmbedded(List.of("openBuyers", org), String.class)).isEqualTo(again);
    }

    /**
     * The running closing job's writes for a sold auction carry its token: the close and the clearing of
     * {@code dealPending} in the auction, the buyer slot in the achievement's register.
     */
    @Test
    void theClosingJobsWritesCarryItsToken() {
        String achievement = t.listing("AUCTION");
        String auction = t.openAuction(s.tto, achievement, "1000.00", "1000.00", "10.00", Duration.ofMinutes(2));
        t.accepted(s.buyer, auction, "a", "1200.00");
        clock.advance(Duration.ofMinutes(3));
        eventually(SWEPT, () -> {
            Document a = raw(AuctionStore.COLLECTION, auction);
            assertThat(a.getString("state")).isEqualTo("SOLD");
            assertThat(a.getBoolean("dealPending")).isFalse();
            assertThat(fence(a, "sweep:auctions")).isPositive();
            Document reg = raw(RegisterStore.COLLECTION, achievement);
            assertThat(reg.get("openBuyers", Document.class)).containsKey(s.buyerOrg);
            assertThat(fence(reg, "sweep:auctions")).isPositive();
        });
    }

    // ---- RegisterRepair: RegisterStore.releaseBuyer, RegisterStore.rewriteGrants

    /** Freeing a slot: after the newer token freed one, the older token cannot free the slot taken again; the newer can. */
    @Test
    void freeingABuyerSlotIsRefusedToAnOlderHolderOfTheRepairLease() {
        String lease = "sweep:deal-registers-" + System.nanoTime();
        String register = freshRegisterId();
        String org = TestOrgs.random("91", "330100");
        String first = dealId();
        registers.claimBuyer(register, org, first).block(WAIT);
        registers.releaseBuyer(register, org, first, Fence.of(lease, NEW)).block(WAIT);
        Document freed = raw(RegisterStore.COLLECTION, register);
        assertThat(freed.get("openBuyers", Document.class)).doesNotContainKey(org);
        assertThat(fence(freed, lease)).isEqualTo(NEW);

        String second = dealId();
        assertThat(registers.claimBuyer(register, org, second).block(WAIT)).isTrue();
        registers.releaseBuyer(register, org, second, Fence.of(lease, OLD)).block(WAIT);
        Document after = raw(RegisterStore.COLLECTION, register);
        assertThat(after.getEmbedded(List.of("openBuyers", org), String.class)).as("the older holder's write refused").isEqualTo(second);
        assertThat(fence(after, lease)).isEqualTo(NEW);

        registers.releaseBuyer(register, org, second, Fence.of(lease, NEW)).block(WAIT);
        assertThat(raw(RegisterStore.COLLECTION, register).get("openBuyers", Document.class)).as("the newer holder again").doesNotContainKey(org);
    }

    /**
     * Rewriting grants: after the newer token removed a grant, the older token's rewrite (putting it back) is refused
     * with {@link LeaseLost} at once (not retried as a lost race): grants and version unchanged. The newer one's taken.
     */
    @Test
    void rewritingGrantsIsRefusedToAnOlderHolderOfTheRepairLease() {
        String lease = "sweep:deal-registers-" + System.nanoTime();
        String register = freshRegisterId();
        String org = TestOrgs.random("91", "330100");
        registers.claimBuyer(register, org, dealId()).block(WAIT);
        SignedGrant grant = new SignedGrant(dealId(), new Grant("R-" + register, TransferMode.EXCLUSIVE_LICENCE, List.of("C38"), List.of("CN"),
            LocalDate.of(2027, 1, 1), null), true, clock.instant());
        registers.rewriteGrants(register, gs -> List.of(grant)).block(WAIT);
        registers.rewriteGrants(register, gs -> List.of(), Fence.of(lease, NEW)).block(WAIT);
        Document removed = raw(RegisterStore.COLLECTION, register);
        assertThat(removed.get("grants", List.class)).isEmpty();
        assertThat(fence(removed, lease)).isEqualTo(NEW);
        long version = removed.getLong("version");

        assertThatThrownBy(() -> registers.rewriteGrants(register, gs -> List.of(grant), Fence.of(lease, OLD)).block(WAIT))
            .as("the older holder").isInstanceOf(LeaseLost.class);
        Document after = raw(RegisterStore.COLLECTION, register);
        assertThat(after.get("grants", List.class)).isEmpty();
        assertThat(after.getLong("version")).isEqualTo(version);
        assertThat(fence(after, lease)).isEqualTo(NEW);

        registers.rewriteGrants(register, gs -> List.of(grant), Fence.of(lease, NEW)).block(WAIT);
        Document back = raw(RegisterStore.COLLECTION, register);
        assertThat(back.get("grants", List.class)).as("the newer holder again").hasSize(1);
        assertThat(back.getLong("version")).isEqualTo(version + 1);
    }

    /**
     * The running repair frees a slot whose deal never got written (its id older than the repair's grace) and leaves its
     * token in {@code fences.sweep:deal-registers}. The repair runs every 30 s here.
     */
    @Test
    void theRepairsWritesCarryItsToken() {
        String register = freshRegisterId();
        String org = TestOrgs.random("91", "330100");
        registers.claimBuyer(register, org, Ids.next("deal", clock.instant().minus(Duration.ofHours(1)))).block(WAIT);
        eventually(REPAIRED, () -> {
            Document reg = raw(RegisterStore.COLLECTION, register);
            assertThat(reg.get("openBuyers", Document.class)).doesNotContainKey(org);
            assertThat(fence(reg, "sweep:deal-registers")).isPositive();
        });
    }

    // ---- helpers

    private PendingEvent idle(long version) {
        Instant now = clock.instant();
        return new PendingEvent(Ids.next("evt", now), DealEvents.IDLE, version, now);
    }

    private String dealId() {
        return Ids.next("deal", clock.instant());
    }

    private static String freshRegisterId() {
        return "ach-fencing-" + System.nanoTime();
    }

    private Document raw(String collection, String id) {
        Document d = mongo.findById(id, Document.class, collection).block(WAIT);
        assertThat(d).as("%s %s", collection, id).isNotNull();
        return d;
    }

    private void setPending(String collection, String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("dealPending", true), collection).block(WAIT);
    }

    /** The token {@code lease} left in the document, or null. */
    private static @Nullable Long fence(Document d, String lease) {
        Document fences = d.get(Fence.FIELDS, Document.class);
        return fences != null && fences.get(lease) instanceof Number n ? n.longValue() : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventIds(Document deal) {
        List<Document> events = (List<Document>) deal.get("pendingEvents", List.class);
        return events == null ? List.of() : events.stream().map(e -> e.getString("_id") != null ? e.getString("_id") : e.getString("id")).toList();
    }
}
