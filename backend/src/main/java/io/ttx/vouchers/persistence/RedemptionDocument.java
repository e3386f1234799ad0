package io.ttx.vouchers.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * A redemption as stored, from the moment its Idempotency-Key is claimed: its id derives from the agency organisation
 * and the key, so the document is the key's reservation. {@code status} is PENDING while a request (its {@code owner},
 * since {@code takenAt}) decides it, then SUBMITTED, APPROVED, REJECTED, SETTLED, or REFUSED with the problem a replay
 * answers; a federated one (see {@code federation}) is AUTHORIZED after the debit and SUBMITTED or APPROVED on its
 * capture, or VOIDED. {@code order} is a time-ordered id for newest-first pages; {@code attempt} counts takeovers of a silent owner.
 */
public record RedemptionDocument(@Id String id, String order, String requestHash, String idempotencyKey, String voucherId, String programmeId,
                                 String issuerRegion, String holderOrg, String agencyOrg, @Nullable String agencyId, @Nullable String agencyRegion,
                                 String invoiceNumber, long invoiceAmount, String category, String serviceDescription, @Nullable String dealId,
                                 long subsidy, String status, @Nullable Refusal refusal, String owner, int attempt, Instant takenAt,
                                 String createdBy, Instant createdAt, @Nullable Instant decidedAt, @Nullable String decidedBy, @Nullable String note,
                                 @Nullable Instant approvedAt, boolean refunded, @Nullable String batchId, @Nullable RatingEntry rating,
                                 @Nullable Federation federation) {

    public static final String PENDING = "PENDING";
    public static final String REFUSED = "REFUSED";
    /** A federated redemption's subsidy reserved for a peer platform's agency, until its capture or void. */
    public static final String AUTHORIZED = "AUTHORIZED";
    public static final String VOIDED = "VOIDED";

    /**
     * What a redemption authorized for another platform (a peer of the voucher federation) adds: the peer (its client,
     * which scopes the idempotency key), the provider's controller, and when the subsidy was reserved.
     */
    public record Federation(String peer, String providerController, @Nullable Instant authorizedAt) { }

    /** A refusal as a replay answers it: the problem's kind (FORBIDDEN, CONFLICT, UNPROCESSABLE), code and detail. */
    public record Refusal(String kind, String code, String detail) { }

    /** The holder's rating. */
    public record RatingEntry(int score, String comment, boolean complaint, String by, Instant at) { }
}
