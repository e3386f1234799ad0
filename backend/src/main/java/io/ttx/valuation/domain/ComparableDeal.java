package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A comparable deal the evaluator brings: its price, its weight in the average and named adjustment factors (date,
 * similarity, legal status, exclusivity, territory, field, payment structure, ...). Checked by {@link MarketInput},
 * which knows the field path; the adjustments keep their given order so the first bad factor is the one reported.
 */
public record ComparableDeal(BigDecimal price, BigDecimal weight, Map<String, BigDecimal> adjustments) {

    /** P x prod_k a_k, exact. */
    BigDecimal adjustedPrice() {
        BigDecimal adjusted = price;
        for (BigDecimal factor : adjustments.values()) {
            adjusted = adjusted.multiply(factor);
        }
        return adjusted;
    }
}
