package io.ttx.vouchers;

import io.ttx.catalogue.Money;
import io.ttx.vouchers.domain.Voucher;
import io.ttx.vouchers.domain.VoucherStatus;

import java.time.Instant;
import java.time.LocalDate;

/** A voucher as clients see it (module API): face value, what live redemptions took and what remains, validity, status. */
public record VoucherView(String id, String programmeId, String issuerRegion, String holderOrg, Money faceValue, Money redeemed,
                          Money remaining, LocalDate validFrom, LocalDate validUntil, VoucherStatus status, Instant issuedAt, long version) {

    static VoucherView of(Voucher v) {
        return new VoucherView(v.id(), v.programmeId(), v.issuerRegion(), v.holderOrg(), ProgrammeView.money(v.faceValue()),
            ProgrammeView.money(v.redeemed()), ProgrammeView.money(v.remaining()), v.validFrom(), v.validUntil(), v.status(), v.issuedAt(),
            v.version());
    }
}
