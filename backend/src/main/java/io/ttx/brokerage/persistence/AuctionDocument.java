package io.ttx.brokerage.persistence;

import io.ttx.brokerage.domain.Auction;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * An auction as stored: the domain state ({@code auction}, accepted bids included) and top-level copies that the
 * queries filter on. {@code dealPending}: sold, and its deal not yet known to be written (the closing job writes it,
 * then clears the flag; a crash in between leaves the flag for the next round).
 */
public record AuctionDocument(@Id String id, Auction auction, String achievementId, String state, Instant closesAt,
                              long version, boolean dealPending) {

    public static AuctionDocument of(Auction a, boolean dealPending) {
        return new AuctionDocument(a.id(), a, a.achievementId(), a.state().name(), a.closesAt(), a.version(), dealPending);
    }
}
