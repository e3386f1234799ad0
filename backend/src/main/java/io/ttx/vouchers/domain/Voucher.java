package io.ttx.vouchers.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A voucher of a programme held by an enterprise (and its controller): its face value and what live redemptions took
 * of it ({@code redeemed}, never above the face value), valid from {@code validFrom} through {@code validUntil} (whole
 * days, China time). When it expires or is revoked its remainder goes back to the programme's budget, once
 * ({@code returnedValue}).
 */
public record Voucher(String id, String programmeId, String issuerRegion, String holderOrg, String holderController, long faceValue,
        long redeemed, LocalDate validFrom, LocalDate validUntil, VoucherStatus status, long returnedValue, String issuedBy,
        Instant issuedAt, Instant updatedAt, long version) {

    public Voucher {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(programmeId, "programmeId");
        Objects.requireNonNull(issuerRegion, "issuerRegion");
        Objects.requireNonNull(holderOrg, "holderOrg");
        Objects.requireNonNull(holderController, "holderController");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(status, "status");
        if (faceValue <= 0 || redeemed < 0 || redeemed > faceValue || returnedValue < 0) {
            throw new IllegalArgumentException("0 <= redeemed <= faceValue, faceValue > 0");
        }
    }

    public long remaining() {
        return faceValue - redeemed;
    }

    /** ACTIVE and {@code day} within its validity. */
    public boolean isUsableOn(LocalDate day) {
        return status == VoucherStatus.ACTIVE && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** ACTIVE past its last valid day: the expiry sweep's work. */
    public boolean isDueToExpire(LocalDate day) {
        return status == VoucherStatus.ACTIVE && day.isAfter(validUntil);
    }

    Voucher with(VoucherStatus nextStatus, long nextRedeemed, long nextReturned, Instant now) {
        return new Voucher(id, programmeId, issuerRegion, holderOrg, holderController, faceValue, nextRedeemed, validFrom, validUntil,
            nextStatus, nextReturned, issuedBy, issuedAt, now, version + 1);
    }
}
