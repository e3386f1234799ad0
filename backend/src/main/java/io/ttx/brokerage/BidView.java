package io.ttx.brokerage;

import io.ttx.catalogue.Money;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One accepted bid of an auction (module API): amount and time for everyone; the bidding organisation only for the
 * seller's TTO, the auction's broker, admins and auditors. {@code mine} marks the caller organisation's own bids.
 */
public record BidView(Money amount, Instant at, @Nullable String org, boolean mine) { }
