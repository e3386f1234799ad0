package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The post-subsidy figures of an agency over its live redemptions of a year: count, subsidy and invoiced totals, the
 * average rating (two decimals, half-up; null without ratings), the repeat rate (holders with two or more redemptions
 * over all holders, four decimals) and the complaints.
 */
public record Performance(long redemptions, long subsidy, long invoiced, @Nullable BigDecimal averageRating, BigDecimal repeatRate,
                          long complaints) {

    /** One live redemption as the figures see it. */
    public record Item(String holderOrg, long subsidy, long invoiced, @Nullable Integer score, boolean complaint) { }

    public static Performance of(List<Item> items) {
        long subsidy = 0;
        long invoiced = 0;
        long scores = 0;
        long rated = 0;
        long complaints = 0;
        Map<String, Integer> perHolder = new HashMap<>();
        for (Item i : items) {
            subsidy = Math.addExact(subsidy, i.subsidy());
            invoiced = Math.addExact(invoiced, i.invoiced());
            if (i.score() != null) {
                scores += i.score();
                rated++;
            }
            if (i.complaint()) complaints++;
            perHolder.merge(i.holderOrg(), 1, Integer::sum);
        }
        BigDecimal average = rated == 0 ? null : BigDecimal.valueOf(scores).divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP);
        long repeat = perHolder.values().stream().filter(n -> n >= 2).count();
        BigDecimal rate = perHolder.isEmpty() ? BigDecimal.ZERO.setScale(4)
            : BigDecimal.valueOf(repeat).divide(BigDecimal.valueOf(perHolder.size()), 4, RoundingMode.HALF_UP);
        return new Performance(items.size(), subsidy, invoiced, average, rate, complaints);
    }
}
