package io.ttx.brokerage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One royalty statement of the buyer, immutable once filed: the net sales it reports (fen) and the royalty it made due,
 * R(cumulative after) - R(cumulative before), so that the dues of a year add up to the royalty on the year's sales.
 */
public record RoyaltyStatement(long netSales, long due, String filedBy, Instant filedAt) {

    public RoyaltyStatement {
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(filedAt, "filedAt");
    }
}
