package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change of a voucher, append-only, with the idempotency key that made it: ISSUED (the face value), REDEEMED (a
 * subsidy taken), REFUNDED (a rejected subsidy given back), EXPIRED and REVOKED (the remainder returned to the budget).
 * {@code note} is the reason of a revocation or rejection. An entry's place and the voucher's redeemed value after it
 * follow from the entries before it ({@link #lines}): a debit is one atomic increment of the voucher that appends its
 * entry, so the order of the entries is the order of the changes, while the value after it is not known when it is
 * written.
 */
public record LedgerEntry(Type type, long amount, String key, @Nullable String redemptionId, String by, Instant at, @Nullable String note) {
    public enum Type { ISSUED, REDEEMED, REFUNDED, EXPIRED, REVOKED }

    public LedgerEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (amount < 0) throw new IllegalArgumentException("amounts are not negative");
    }

    /** An entry in its place: its sequence number (from 0) and the voucher's redeemed value after it. */
    public record Line(int seq, LedgerEntry entry, long redeemedAfter) { }

    /** The entries in their places, oldest first. */
    public static List<Line> lines(List<LedgerEntry> entries) {
        List<Line> lines = new ArrayList<>(entries.size());
        long redeemed = 0;
        for (LedgerEntry e : entries) {
            if (e.type() == Type.REDEEMED) redeemed = Math.addExact(redeemed, e.amount());
            if (e.type() == Type.REFUNDED) redeemed = Math.subtractExact(redeemed, e.amount());
            lines.add(new Line(lines.size(), e, redeemed));
        }
        return lines;
    }

    /** The redeemed value the entries add up to: REDEEMED minus REFUNDED (equal to the voucher's redeemed value). */
    public static long redeemed(List<LedgerEntry> entries) {
        long sum = 0;
        for (LedgerEntry e : entries) {
            if (e.type() == Type.REDEEMED) sum = Math.addExact(sum, e.amount());
            if (e.type() == Type.REFUNDED) sum = Math.subtractExact(sum, e.amount());
        }
        return sum;
    }
}
