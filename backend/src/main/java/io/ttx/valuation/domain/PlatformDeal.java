package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A deal closed on the platform in the achievement's field, supplied by the caller when a market valuation asks for
 * platform deals. It joins the comparables unadjusted with weight 1 and is listed in the result so the evaluator sees
 * which deals moved the figure.
 */
public record PlatformDeal(String dealId, BigDecimal price) {

    public PlatformDeal {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(price, "price");
    }
}
