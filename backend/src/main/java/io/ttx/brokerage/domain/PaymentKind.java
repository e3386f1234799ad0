package io.ttx.brokerage.domain;

/** What a recorded payment settles: the upfront fee, one named milestone, or royalties. */
public enum PaymentKind { UPFRONT, MILESTONE, ROYALTY }
