package io.ttx.brokerage;

import io.ttx.brokerage.domain.Auction;
import io.ttx.brokerage.domain.AuctionBid;
import io.ttx.brokerage.domain.AuctionState;
import io.ttx.brokerage.domain.Award;
import io.ttx.brokerage.domain.Bidding;
import io.ttx.brokerage.domain.Relation;
import io.ttx.brokerage.persistence.AuctionDocument;
import io.ttx.brokerage.persistence.AuctionStore;
import io.ttx.brokerage.persistence.TenderStore;
import io.ttx.catalogue.Achievements;
import io.ttx.shared.Cny;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Closes auctions past their close (one replica at a time, every {@code ttx.brokerage.auction-close-interval}, 500 ms,
 * so within 2 s of {@code closesAt}): SOLD with the deal's id fixed in the same conditional write, or UNSOLD; then
 * writes the sold auction's deal at TERMS_AGREED and frees the achievement. A bid accepted between the read and the
 * write changes the version, so the close misses and the next round sees the bid (and the close it may have moved).
 * Also finishes deals a crash left unwritten (auctions and awarded tenders whose {@code dealPending} is still set).
 * Its conditional writes (the close, the buyer slot, clearing {@code dealPending}) carry the lease's token
 * ({@code fences.sweep:auctions}); the deal's insert (fixed id) and freeing the trade slot (a delete conditional on its
 * holder) are the same whoever makes them.
 */
final class AuctionCloser extends LeasedJob {
    private static final Logger log = LoggerFactory.getLogger(AuctionCloser.class);
    private static final int BATCH = 100;
    private final AuctionStore auctions;
    private final TenderStore tenders;
    private final Tenders tenderService;
    private final TradeSlots slots;
    private final Brokerage brokerage;
    private final Achievements achievements;
    private final Clock clock;

    AuctionCloser(AuctionStore auctions, TenderStore tenders, Tenders tenderService, TradeSlots slots, Brokerage brokerage,
                  Achievements achievements, BrokerageProperties props, Leases leases, Clock clock) {
        super("sweep:auctions", props.auctionCloseInterval(), leases);
        this.auctions = auctions;
        this.tenders = tenders;
        this.tenderService = tenderService;
        this.slots = slots;
        this.brokerage = brokerage;
        this.achievements = achievements;
        this.clock = clock;
    }

    /** Emits how many auctions it closed or finished. */
    @Override
    protected Mono<Long> runOnce(Lease lease) {
        Instant now = clock.instant();
        // deferred, so that an auction whose state breaks the settling before it is even subscribed (a throw while the
        // pipeline is built) is logged and skipped like any other failure, instead of failing every round for all
        Mono<Long> closed = auctions.due(now, BATCH).concatMap(d -> Flux.defer(() -> settle(d, now, lease.fence())).onErrorResume(e -> {
            log.warn("auction {} not closed yet: {}", d.id(), e.toString());
            return Mono.empty();
        })).count();
        Mono<Long> awarded = tenders.dealsPending(BATCH).concatMap(t -> Mono.defer(() -> tenderService.writeDeal(t, lease.fence())).onErrorResume(e -> {
            log.warn("deal of tender {} not written yet: {}", t.id(), e.toString());
            return Mono.empty();
        })).count();
        return closed.zipWith(awarded, Long::sum);
    }

    private Flux<String> settle(AuctionDocument d, Instant now, Fence fence) {
        Auction a = d.auction();
        if (!a.isDue(now)) return d.dealPending() ? writeDeal(d, fence).flux() : Flux.empty();
        Auction closed = Bidding.close(a, Ids.next("deal", now), now);
        boolean sold = closed.state() == AuctionState.SOLD;
        return auctions.close(AuctionDocument.of(closed, sold), a.version(), fence)
            .flatMap(saved -> sold ? writeDeal(saved, fence) : slots.release(saved.achievementId(), saved.id()).thenReturn(saved.id()))
            .flux();
    }

    /** Writes a sold auction's deal (repeatable: its id was fixed by the close) and frees the achievement. */
    private Mono<String> writeDeal(AuctionDocument sold, Fence fence) {
        Auction a = sold.auction();
        AuctionBid winner = a.highest().orElseThrow();
        Award award = new Award(a.achievementId(), a.sellerOrg(), winner.org(), a.broker(), Bidding.soldTerms(a), winner.subject(),
            Relation.BUYER, "won auction " + a.id() + " at " + Cny.format(winner.amount()) + " CNY");
        return achievements.dealFacts(a.achievementId()).map(f -> f.field().name()).defaultIfEmpty("UNKNOWN")
            .flatMap(field -> brokerage.award(Objects.requireNonNull(a.dealId()), award, field, fence))
            .flatMap(dealId -> auctions.dealWritten(a.id(), fence).then(slots.release(a.achievementId(), a.id())).thenReturn(dealId));
    }
}
