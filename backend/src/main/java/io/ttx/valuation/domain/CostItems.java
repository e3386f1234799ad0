package io.ttx.valuation.domain;

import java.math.BigDecimal;

/**
 * What reproducing the technology would cost, in CNY. Checked (non-negative, below 10^13) by {@link CostInput}, which
 * knows the field path.
 */
public record CostItems(BigDecimal rdLabour, BigDecimal materials, BigDecimal ipFees, BigDecimal opportunityCost) {

    BigDecimal total() {
        return rdLabour.add(materials).add(ipFees).add(opportunityCost);
    }
}
