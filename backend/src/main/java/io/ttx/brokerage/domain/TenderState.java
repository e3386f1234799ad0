package io.ttx.brokerage.domain;

/** What is stored of a tender's course: OPEN until awarded or cancelled (CLOSED is OPEN past its close, see {@link Tender#status}). */
public enum TenderState {
    OPEN, AWARDED, CANCELLED
}
