package io.ttx.brokerage.domain;

/** An auction's status as clients see it: a live auction is SCHEDULED before it opens and OPEN from then on. */
public enum AuctionStatus {
    SCHEDULED, OPEN, SOLD, UNSOLD, CANCELLED
}
