package io.ttx.vouchers.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A regional voucher programme: the issuing province, its budget and period, the subsidy ratio per category, the yearly
 * caps per holder and per controller (on face value issued), how long a voucher is valid, the provinces whose agencies
 * may redeem (the issuing one always), and the subsidy below which redemptions are approved at once. Amounts in fen.
 * {@code issued} is the face value issued (the programme's own counter), {@code redeemed} the subsidies of live
 * redemptions and {@code returned} the value that came back to the budget (expired or revoked vouchers' remainders,
 * subsidies rejected after that): those two are sums over the programme's vouchers, filled in by the caller
 * ({@link #withTotals}) before deciding or showing.
 */
public record Programme(String id, String name, String region, long budget, LocalDate periodStart, LocalDate periodEnd,
        Map<Category, BigDecimal> subsidyRatios, long capPerEnterprisePerYear, long capPerControllerPerYear,
        int voucherValidityDays, Set<String> acceptedProviderRegions, long autoApproveBelow, long issued, long redeemed,
        long returned, String createdBy, Instant createdAt, long version) {

    public Programme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        subsidyRatios = subsidyRatios.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(subsidyRatios));
        acceptedProviderRegions = Set.copyOf(acceptedProviderRegions);
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same programme with its vouchers' sums (the version stays: they are not the programme's own state). */
    public Programme withTotals(long totalRedeemed, long totalReturned) {
        return new Programme(id, name, region, budget, periodStart, periodEnd, subsidyRatios, capPerEnterprisePerYear, capPerControllerPerYear,
            voucherValidityDays, acceptedProviderRegions, autoApproveBelow, issued, totalRedeemed, totalReturned, createdBy, createdAt, version);
    }

    /** What may still be issued: budget - issued + returned. */
    public long available() {
        return budget - issued + returned;
    }

    /** Whether an agency admitted in {@code province} may redeem this programme's vouchers. */
    public boolean accepts(String province) {
        return region.equals(province) || acceptedProviderRegions.contains(Provinces.ANY) || acceptedProviderRegions.contains(province);
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
    }
}
