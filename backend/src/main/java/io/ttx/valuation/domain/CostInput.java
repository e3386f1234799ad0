package io.ttx.valuation.domain;

import java.math.BigDecimal;

/**
 * Inputs of the cost method: cost items (non-negative amounts), a profit markup in [0, 1], elapsed (>= 0) and
 * remaining (>= 1) economic life in whole years (each at most 50), and functional and economic obsolescence in [0, 1].
 */
public record CostInput(
        CostItems costItems,
        BigDecimal profitMarkup,
        int elapsedYears,
        int remainingYears,
        BigDecimal functionalObsolescence,
        BigDecimal economicObsolescence) {

    private static final ValuationMethod M = ValuationMethod.COST;

    public CostInput {
        String items = M.field("costItems");
        if (costItems == null) {
            throw InvalidValuationInput.missing(items);
        }
        costItems = new CostItems(
                Checks.nonNegativeAmount(costItems.rdLabour(), items + ".rdLabour"),
                Checks.nonNegativeAmount(costItems.materials(), items + ".materials"),
                Checks.nonNegativeAmount(costItems.ipFees(), items + ".ipFees"),
                Checks.nonNegativeAmount(costItems.opportunityCost(), items + ".opportunityCost"));
        profitMarkup = Checks.fraction(profitMarkup, M.field("profitMarkup"));
        if (elapsedYears < 0 || elapsedYears > InputLimits.LIFE_YEARS) {
            throw InvalidValuationInput.invalid(M.field("elapsedYears"), "must be between 0 and " + InputLimits.LIFE_YEARS);
        }
        if (remainingYears < 1 || remainingYears > InputLimits.LIFE_YEARS) {
            throw InvalidValuationInput.invalid(M.field("remainingYears"), "must be between 1 and " + InputLimits.LIFE_YEARS);
        }
        functionalObsolescence = Checks.fraction(functionalObsolescence, M.field("functionalObsolescence"));
        economicObsolescence = Checks.fraction(economicObsolescence, M.field("economicObsolescence"));
    }
}
