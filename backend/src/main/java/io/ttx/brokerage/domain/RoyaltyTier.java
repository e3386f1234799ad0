package io.ttx.brokerage.domain;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One marginal royalty tier: {@code rate} applies to the part of a year's cumulative net sales between the previous
 * tier's {@code upTo} (0 for the first) and this one's; a null {@code upTo} (last tier only) has no upper bound.
 */
public record RoyaltyTier(@Nullable Long upTo, BigDecimal rate) {

    public RoyaltyTier {
        Objects.requireNonNull(rate, "rate");
    }
}
