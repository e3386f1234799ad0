package io.ttx.brokerage.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a decision needs from outside the deal: the platform's commission rate (configuration, in [0, 1]) and the facts
 * of the achievement's listing as they are now: whether it is a fixed-price listing (挂牌) and its asking price in
 * fen, the transfer modes it offers (empty when it names none: then any mode may be proposed) and its open-licence
 * flag. The caller loads them; invalid values are a programming error (IllegalArgumentException).
 */
public record DealRules(BigDecimal commissionRate, boolean fixedPrice, @Nullable Long askingPrice,
        Set<TransferMode> offeredModes, boolean openLicence) {

    public DealRules {
        Objects.requireNonNull(commissionRate, "commissionRate");
        if (commissionRate.signum() < 0 || commissionRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the commission rate lies in [0, 1]");
        }
        if (askingPrice != null && !DealLimits.isAmount(askingPrice)) {
            throw new IllegalArgumentException("the asking price lies in [0, 10^15] fen");
        }
        offeredModes = Set.copyOf(offeredModes);
    }

    /**
     * Refuses a mode the listing cannot give: an exclusive or sole licence of an open-licensed achievement (the legal
     * rule, checked first), then a mode the listing does not offer.
     */
    void requireMode(TransferMode mode) {
        requireLicensable(mode);
        if (!offeredModes.isEmpty() && !offeredModes.contains(mode)) {
            throw Refusal.unprocessable(DealCodes.MODE_NOT_OFFERED, "the listing does not offer " + mode);
        }
    }

    /** 422 open-licence-exclusive for an exclusive or sole licence of an open-licensed achievement. */
    void requireLicensable(TransferMode mode) {
        if (openLicence && mode.isExclusive()) {
            throw Refusal.unprocessable(DealCodes.OPEN_LICENCE_EXCLUSIVE,
                    "an open-licensed achievement cannot be licensed " + mode);
        }
    }
}
