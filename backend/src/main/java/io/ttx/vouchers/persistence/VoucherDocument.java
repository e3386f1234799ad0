package io.ttx.vouchers.persistence;

import io.ttx.vouchers.domain.LedgerEntry;
import io.ttx.vouchers.domain.Voucher;
import org.springframework.data.annotation.Id;

import java.time.LocalDate;
import java.util.List;

/**
 * A voucher as stored: the domain state, its append-only ledger (every change with its idempotency key), and the copies
 * the lists and the expiry sweep filter on.
 */
public record VoucherDocument(@Id String id, Voucher voucher, String programmeId, String holderOrg, String issuerRegion, String status,
                              LocalDate validUntil, long version, List<LedgerEntry> ledger) {

    public static VoucherDocument of(Voucher v, List<LedgerEntry> ledger) {
        return new VoucherDocument(v.id(), v, v.programmeId(), v.holderOrg(), v.issuerRegion(), v.status().name(), v.validUntil(), v.version(),
            ledger);
    }
}
