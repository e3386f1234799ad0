package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Cost approach: RC = (rdLabour + materials + ipFees + opportunityCost) x (1 + markup) and
 * V = RC x remaining / (elapsed + remaining) x (1 - functional) x (1 - economic). The only division is done last,
 * once ({@code RC x remaining x (1 - f) x (1 - e)} exact, divided by {@code elapsed + remaining} in DECIMAL128), so
 * the figure is the exact quotient to 34 digits. The range is 0.9 V and 1.1 V from the unrounded V.
 */
public final class CostMethod {

    static final BigDecimal LOW_FACTOR = new BigDecimal("0.9");
    static final BigDecimal HIGH_FACTOR = new BigDecimal("1.1");

    public CostResult value(CostInput input) {
        BigDecimal replacementCost = input.costItems().total().multiply(BigDecimal.ONE.add(input.profitMarkup()));
        BigDecimal life = BigDecimal.valueOf((long) input.elapsedYears() + input.remainingYears());
        BigDecimal remaining = BigDecimal.valueOf(input.remainingYears());
        BigDecimal numerator = replacementCost.multiply(remaining)
                .multiply(BigDecimal.ONE.subtract(input.functionalObsolescence()))
                .multiply(BigDecimal.ONE.subtract(input.economicObsolescence()));
        BigDecimal value = numerator.divide(life, Decimals.MC);
        return new CostResult(Decimals.fen(value), Decimals.fen(value.multiply(LOW_FACTOR)),
                Decimals.fen(value.multiply(HIGH_FACTOR)), Decimals.fen(replacementCost),
                Decimals.factor(remaining.divide(life, Decimals.MC)), List.of());
    }
}
