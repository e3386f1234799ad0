package io.ttx.brokerage.domain;

/** A tender's status as clients see it: OPEN until {@code closesAt}, then CLOSED until awarded or cancelled. */
public enum TenderStatus {
    OPEN, CLOSED, AWARDED, CANCELLED
}
