package io.ttx.brokerage.domain;

/**
 * What is stored of an auction's course: LIVE until it is closed or cancelled. Whether a live auction is SCHEDULED or
 * OPEN depends on the time ({@link Auction#status}).
 */
public enum AuctionState {
    LIVE, SOLD, UNSOLD, CANCELLED
}
