package io.ttx.brokerage;

import io.ttx.catalogue.Money;

import java.time.Instant;

/**
 * The answer to an accepted bid (module API), the same on every replay of its idempotency key: the bid's id, amount
 * and time, and the auction's close right after it (moved by anti-sniping when the bid came late).
 */
public record BidResult(String id, String auctionId, Money amount, Instant at, Instant closesAt) { }
