package io.ttx.brokerage.domain;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Royalty arithmetic. Tiers are marginal on a year's cumulative net sales: R(x) is the exact sum over tiers of
 * rate_i x the part of x between the previous tier's bound (0 for the first) and the tier's own, rounded half-up to
 * the fen once. A statement's due is R(after) - R(before), so the dues of a year always add up to R(year's sales):
 * rounding never drifts, however many statements there are.
 */
public final class Royalties {

    private Royalties() {
    }

    /** R(x): the royalty on cumulative net sales {@code sales} (fen). Sales above a bounded last tier bear none. */
    public static long royalty(List<RoyaltyTier> tiers, long sales) {
        BigDecimal total = BigDecimal.ZERO;
        long lower = 0;
        for (RoyaltyTier tier : tiers) {
            Long upTo = tier.upTo();
            long upper = upTo == null ? sales : Math.min(sales, upTo);
            if (upper > lower) {
                total = total.add(tier.rate().multiply(BigDecimal.valueOf(upper - lower)));
            }
            if (upTo == null || upTo >= sales) {
                break;
            }
            lower = upTo;
        }
        return Fen.round(total);
    }

    /** The due of a statement that takes the year's cumulative sales from {@code before} to {@code after}. */
    public static long due(List<RoyaltyTier> tiers, long before, long after) {
        return royalty(tiers, after) - royalty(tiers, before);
    }

    /** minimum - the year's royalty when positive, else 0 (also without a minimum); never pro-rated. */
    public static long trueUp(@Nullable Long minimumAnnualRoyalty, long yearRoyalty) {
        return minimumAnnualRoyalty == null ? 0 : Math.max(0, minimumAnnualRoyalty - yearRoyalty);
    }
}
