package io.ttx.brokerage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ttx.brokerage.DealView.BrokerView;
import io.ttx.brokerage.DealView.TermSheetView;
import io.ttx.brokerage.domain.Auction;
import io.ttx.brokerage.domain.AuctionBid;
import io.ttx.brokerage.domain.AuctionStatus;
import io.ttx.brokerage.domain.Broker;
import io.ttx.catalogue.Money;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * An auction as clients see it (module API). {@code highestBid} and {@code dealId} are null until they exist; the
 * reserve price is shown only to those who run the auction (the seller's TTO, its broker) and to admins and
 * auditors, everyone sees whether it is met. The term sheet is the one the deal will have, its upfront replaced by
 * the hammer price.
 */
public record AuctionView(String id, String achievementId, String sellerOrg, @Nullable BrokerView broker, AuctionStatus status,
                          Money startingPrice, Money increment, @Nullable Money reservePrice, boolean reserveMet,
                          @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Money highestBid, int bidCount, Money minimumBid,
                          Instant opensAt, Instant closesAt, int antiSnipingSeconds, TermSheetView termSheet,
                          @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String dealId, Instant createdAt, Instant updatedAt) {

    static AuctionView of(Auction a, boolean seesReserve, Instant now) {
        Broker b = a.broker();
        AuctionBid top = a.highest().orElse(null);
        return new AuctionView(a.id(), a.achievementId(), a.sellerOrg(), b == null ? null : new BrokerView(b.org(), b.subject()),
            a.status(now), DealView.money(a.startingPrice()), DealView.money(a.increment()),
            seesReserve ? DealView.money(a.reservePrice()) : null, top != null && top.amount() >= a.reservePrice(),
            top == null ? null : DealView.money(top.amount()), a.bids().size(), DealView.money(a.minimumBid()), a.opensAt(),
            a.closesAt(), a.antiSnipingSeconds(), DealView.sheet(a.termSheet()), a.dealId(), a.createdAt(), a.updatedAt());
    }
}
