package io.ttx.vouchers.domain;

/** SUBMITTED (counted in redeemed) -> APPROVED -> SETTLED; SUBMITTED -> REJECTED gives the subsidy back. */
public enum RedemptionStatus {
    SUBMITTED, APPROVED, REJECTED, SETTLED;

    /** Whether the redemption holds its subsidy and its invoice. */
    public boolean isLive() {
        return this != REJECTED;
    }
}
