package io.ttx.vouchers.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * A redemption our agency made of another platform's voucher ({@code federated_redemptions}): the id derives from the
 * agency organisation and its Idempotency-Key, and is the idempotency key we send the peer, so every retry and the
 * reconciliation ask about the same authorization. PENDING until the issuer's outcome is known; then the issuer's
 * status (SUBMITTED, APPROVED, REJECTED, SETTLED) or FAILED with the reason. {@code approvedAt} is when we first saw
 * it approved (APPROVED or SETTLED at the issuer); {@code batchId} the one of our settlement batches it joined.
 */
public record FederatedRedemptionDocument(@Id String id, String order, String requestHash, String agencyOrg, String agencyId, String agencyRegion,
                                          String peer, String issuerRegion, String voucherId, String invoiceNumber, long invoiceAmount,
                                          String category, String serviceDescription, String status, @Nullable String authorizationId,
                                          long subsidy, @Nullable String failureCode, @Nullable String failureDetail, int failureStatus,
                                          String createdBy, Instant createdAt, Instant updatedAt, @Nullable Instant approvedAt,
                                          @Nullable String batchId) {
    public static final String PENDING = "PENDING";
    public static final String FAILED = "FAILED";
    /** The issuer's statuses of an approved redemption: ours to settle with the peer. */
    public static final List<String> APPROVED = List.of("APPROVED", "SETTLED");
}
