package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One change of a voucher, append-only, with the idempotency key that made it: ISSUED (the face value), REDEEMED (a
 * subsidy taken), REFUNDED (a rejected subsidy given back), EXPIRED and REVOKED (the remainder returned to the budget).
 * {@code redeemedAfter} is the voucher's redeemed value after the change; {@code note} the reason of a revocation.
 */
public record LedgerEntry(int seq, Type type, long amount, long redeemedAfter, String key, @Nullable String redemptionId, String by, Instant at,
                          @Nullable String note) {
    public enum Type { ISSUED, REDEEMED, REFUNDED, EXPIRED, REVOKED }

    public LedgerEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (amount < 0) throw new IllegalArgumentException("amounts are not negative");
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
