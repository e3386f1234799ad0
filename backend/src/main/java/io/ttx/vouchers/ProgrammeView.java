package io.ttx.vouchers;

import io.ttx.catalogue.Money;
import io.ttx.shared.Cny;
import io.ttx.vouchers.domain.Category;
import io.ttx.vouchers.domain.Programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A voucher programme as clients see it (module API), with its budget counters and what is still available. */
public record ProgrammeView(String id, String name, String region, Money budget, LocalDate periodStart, LocalDate periodEnd,
                            List<CategoryView> categories, Money capPerEnterprisePerYear, Money capPerControllerPerYear,
                            int voucherValidityDays, List<String> acceptedProviderRegions, Money autoApproveBelow, Money issued,
                            Money redeemed, Money returned, Money available, Instant createdAt) {

    public record CategoryView(Category category, String subsidyRatio) { }

    static ProgrammeView of(Programme p) {
        return new ProgrammeView(p.id(), p.name(), p.region(), money(p.budget()), p.periodStart(), p.periodEnd(),
            p.subsidyRatios().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new CategoryView(e.getKey(), e.getValue().toPlainString())).toList(),
            money(p.capPerEnterprisePerYear()), money(p.capPerControllerPerYear()), p.voucherValidityDays(),
            p.acceptedProviderRegions().stream().sorted(Comparator.naturalOrder()).toList(), money(p.autoApproveBelow()), money(p.issued()),
            money(p.redeemed()), money(p.returned()), money(p.available()), p.createdAt());
    }

    static Money money(long fen) {
        return new Money(Cny.format(fen), "CNY");
    }
}
