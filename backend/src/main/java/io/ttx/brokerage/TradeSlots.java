package io.ttx.brokerage;

import io.ttx.brokerage.domain.AuctionState;
import io.ttx.brokerage.domain.TenderState;
import io.ttx.brokerage.persistence.AuctionStore;
import io.ttx.brokerage.persistence.TenderStore;
import io.ttx.brokerage.persistence.TradeSlotStore;
import io.ttx.shared.Ids;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * One live auction or tender per achievement (409 auction-exists): the slot is taken before the auction or tender is
 * written and given back when it ends. A holder counts as live while it is a LIVE auction or an OPEN (or closed, not yet
 * awarded) tender, or while it is younger than {@link #WRITE_GRACE} and not written yet (its creation still running).
 */
@Component
class TradeSlots {
    static final Duration WRITE_GRACE = Duration.ofMinutes(1);
    private final TradeSlotStore slots;
    private final AuctionStore auctions;
    private final TenderStore tenders;
    private final Clock clock;

    TradeSlots(TradeSlotStore slots, AuctionStore auctions, TenderStore tenders, Clock clock) {
        this.slots = slots;
        this.auctions = auctions;
        this.tenders = tenders;
        this.clock = clock;
    }

    Mono<Boolean> take(String achievementId, String holder) {
        return slots.take(achievementId, holder, this::live);
    }

    Mono<Void> release(String achievementId, String holder) {
        return slots.release(achievementId, holder);
    }

    private Mono<Boolean> live(String holder) {
        Mono<Boolean> written = holder.startsWith(Auctions.ID_PREFIX + "_")
            ? auctions.find(holder).map(d -> d.auction().state() == AuctionState.LIVE)
            : tenders.find(holder).map(d -> d.tender().state() == TenderState.OPEN);
        boolean young = Ids.createdAt(holder).map(at -> at.plus(WRITE_GRACE).isAfter(clock.instant())).orElse(false);
        return written.defaultIfEmpty(young);
    }
}
