package io.ttx.vouchers.persistence;

import io.ttx.vouchers.domain.LedgerEntry;
import io.ttx.vouchers.domain.Voucher;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.LocalDate;
import java.util.List;

/**
 * A voucher as stored: the domain state, its append-only ledger (every change with its idempotency key), and the copies
 * the lists and the expiry sweep filter on: the organisations of the agencies that redeemed it ({@code agencyOrgs}) and
 * the redemptions a recovery closed without a debit ({@code voided}: none of them can debit it any more).
 */
public record VoucherDocument(@Id String id, Voucher voucher, String programmeId, String holderOrg, String issuerRegion, String status,
                              LocalDate validUntil, long version, List<LedgerEntry> ledger, @Nullable List<String> agencyOrgs,
                              @Nullable List<String> voided) {

    public static VoucherDocument of(Voucher v, List<LedgerEntry> ledger) {
        return new VoucherDocument(v.id(), v, v.programmeId(), v.holderOrg(), v.issuerRegion(), v.status().name(), v.validUntil(), v.version(),
            ledger, List.of(), List.of());
    }
}
