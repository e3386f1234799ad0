package io.ttx.vouchers;

import io.ttx.catalogue.Money;
import io.ttx.vouchers.domain.LedgerEntry;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One ledger entry of a voucher (module API), with the idempotency key that made it. */
public record LedgerView(int seq, LedgerEntry.Type type, Money amount, Money redeemedAfter, String idempotencyKey,
                         @Nullable String redemptionId, String by, Instant at, @Nullable String note) {
    static LedgerView of(LedgerEntry.Line line) {
        LedgerEntry e = line.entry();
        return new LedgerView(line.seq(), e.type(), ProgrammeView.money(e.amount()), ProgrammeView.money(line.redeemedAfter()), e.key(), e.redemptionId(),
            e.by(), e.at(), e.note());
    }
}
