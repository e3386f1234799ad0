package io.ttx.vouchers;

import io.ttx.catalogue.Money;
import io.ttx.vouchers.domain.Performance;
import org.jspecify.annotations.Nullable;

/**
 * An agency's post-subsidy figures of a year (module API): live redemptions, subsidy and invoiced totals, the average
 * rating (two decimals, absent without ratings), the repeat rate (four decimals: share of holders with two or more redemptions) and complaints.
 */
public record PerformanceView(String agencyId, int year, long redemptions, Money subsidy, Money invoiced, @Nullable String averageRating,
                              String repeatRate, long complaints) {
    static PerformanceView of(String agencyId, int year, Performance p) {
        return new PerformanceView(agencyId, year, p.redemptions(), ProgrammeView.money(p.subsidy()), ProgrammeView.money(p.invoiced()),
            p.averageRating() == null ? null : p.averageRating().toPlainString(), p.repeatRate().toPlainString(), p.complaints());
    }
}
