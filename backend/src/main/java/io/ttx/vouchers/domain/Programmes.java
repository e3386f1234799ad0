package io.ttx.vouchers.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The rules of creating a programme: who (the region admin of its province), then every field. */
public final class Programmes {
    private Programmes() { }

    /**
     * A new programme with nothing issued. 403 unless the caller is a region admin of the programme's province; 422
     * {@code invalid-programme} naming the first field at fault: region (a province), budget (above zero), period (start
     * not after end), categories (at least one, each once, ratio in (0, 1] with at most 6 decimals), caps (above zero),
     * validity (1 to 3,660 days), accepted provider regions (provinces or "*"), autoApproveBelow (not negative).
     */
    public static Decision<Programme> create(String id, ProgrammeDraft d, Caller caller, Instant now) {
        return Decision.of(() -> {
            if (!Provinces.isProvince(d.region())) throw invalid("region", "must be a province code ending in 0000");
            if (!caller.administers(d.region())) {
                throw Refused.forbidden(VoucherCodes.FORBIDDEN, "only a region admin of " + d.region() + " creates its programmes");
            }
            if (d.name().isBlank() || d.name().length() > VoucherLimits.NAME) throw invalid("name", "1 to " + VoucherLimits.NAME + " characters");
            if (d.budget() <= 0 || !VoucherLimits.isAmount(d.budget())) throw invalid("budget", "above zero and at most 10^13 yuan");
            if (d.periodEnd().isBefore(d.periodStart())) throw invalid("periodEnd", "not before periodStart");
            if (d.categories().isEmpty()) throw invalid("categories", "at least one category");
            Map<Category, BigDecimal> ratios = new EnumMap<>(Category.class);
            for (ProgrammeDraft.CategoryRatio c : d.categories()) {
                BigDecimal r = c.subsidyRatio();
                if (r.signum() <= 0 || r.compareTo(BigDecimal.ONE) > 0 || r.stripTrailingZeros().scale() > VoucherLimits.RATIO_SCALE) {
                    throw invalid("categories", "a subsidy ratio lies in (0, 1] with at most " + VoucherLimits.RATIO_SCALE + " decimals");
                }
                if (ratios.put(c.category(), r) != null) throw invalid("categories", c.category() + " is named twice");
            }
            if (d.capPerEnterprisePerYear() <= 0 || !VoucherLimits.isAmount(d.capPerEnterprisePerYear())) {
                throw invalid("capPerEnterprisePerYear", "above zero and at most 10^13 yuan");
            }
            if (d.capPerControllerPerYear() <= 0 || !VoucherLimits.isAmount(d.capPerControllerPerYear())) {
                throw invalid("capPerControllerPerYear", "above zero and at most 10^13 yuan");
            }
            if (d.voucherValidityDays() < 1 || d.voucherValidityDays() > VoucherLimits.VALIDITY_DAYS) {
                throw invalid("voucherValidityDays", "1 to " + VoucherLimits.VALIDITY_DAYS + " days");
            }
            for (String r : d.acceptedProviderRegions()) {
                if (!Provinces.ANY.equals(r) && !Provinces.isProvince(r)) throw invalid("acceptedProviderRegions", r + " is not a province code or *");
            }
            if (d.autoApproveBelow() < 0 || !VoucherLimits.isAmount(d.autoApproveBelow())) {
                throw invalid("autoApproveBelow", "not negative, at most 10^13 yuan");
            }
            return new Programme(id, d.name(), d.region(), d.budget(), d.periodStart(), d.periodEnd(), ratios, d.capPerEnterprisePerYear(),
                d.capPerControllerPerYear(), d.voucherValidityDays(), d.acceptedProviderRegions(), d.autoApproveBelow(), 0, 0, 0,
                caller.subject(), now, 0);
        });
    }

    private static Refused invalid(String field, String message) {
        return Refused.unprocessable(VoucherCodes.INVALID_PROGRAMME, field + ": " + message);
    }
}
