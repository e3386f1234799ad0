package io.ttx.vouchers.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a region admin asks for when creating a programme (amounts in fen, parsed by the web layer). */
public record ProgrammeDraft(String name, String region, long budget, LocalDate periodStart, LocalDate periodEnd,
        List<CategoryRatio> categories, long capPerEnterprisePerYear, long capPerControllerPerYear, int voucherValidityDays,
        Set<String> acceptedProviderRegions, long autoApproveBelow) {

    public record CategoryRatio(Category category, BigDecimal subsidyRatio) {
        public CategoryRatio {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(subsidyRatio, "subsidyRatio");
        }
    }

    public ProgrammeDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        categories = List.copyOf(categories);
        acceptedProviderRegions = Set.copyOf(acceptedProviderRegions);
    }
}
