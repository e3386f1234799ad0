package io.ttx.vouchers.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * A settlement batch ({@code settlement_batches}): its id derives from the admin and the Idempotency-Key, so the
 * document is the key's reservation. PENDING from its creation with the cut-off fixed, COMPLETE once its redemptions
 * are assigned and its lines, total and positions towards peer platforms are written from them.
 */
public record SettlementDocument(@Id String id, String idempotencyKey, String createdBy, Instant cutoff, String status,
                                 @Nullable List<Line> lines, long count, long total, @Nullable Instant completedAt,
                                 @Nullable List<Position> positions) {
    public static final String PENDING = "PENDING";
    public static final String COMPLETE = "COMPLETE";

    /** One line: the redemptions of vouchers of an issuer province served by agencies admitted in a provider province. */
    public record Line(String issuerRegion, String providerRegion, long count, long amount) { }

    /** Our position towards a peer platform of the voucher federation: what it owes us and what we owe it (fen). */
    public record Position(String peer, long owesUs, long weOwe) { }
}
