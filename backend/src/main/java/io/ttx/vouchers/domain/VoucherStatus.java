package io.ttx.vouchers.domain;

/** ACTIVE until it expires (after its last valid day) or its issuing region revokes it. */
public enum VoucherStatus {
    ACTIVE, EXPIRED, REVOKED
}
