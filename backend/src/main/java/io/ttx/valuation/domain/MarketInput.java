package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inputs of the market method: 1 to 100 comparables, each with a non-negative price below 10^13, a weight > 0 and
 * at most 20 factors > 0 named in at most 100 characters, and whether platform deals should join them.
 */
public record MarketInput(List<ComparableDeal> comparables, boolean includePlatformDeals) {

    private static final ValuationMethod M = ValuationMethod.MARKET;

    public MarketInput {
        String field = M.field("comparables");
        List<ComparableDeal> given = Checks.sized(comparables, 1, InputLimits.COMPARABLES, field);
        List<ComparableDeal> checked = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            checked.add(checked(given.get(i), field + "[" + i + "]"));
        }
        comparables = List.copyOf(checked);
    }

    private static ComparableDeal checked(ComparableDeal comparable, String path) {
        if (comparable == null) {
            throw InvalidValuationInput.missing(path);
        }
        BigDecimal price = Checks.nonNegativeAmount(comparable.price(), path + ".price");
        BigDecimal weight = Checks.positive(comparable.weight(), path + ".weight");
        Map<String, BigDecimal> factors = new LinkedHashMap<>();
        if (comparable.adjustments() != null) {
            if (comparable.adjustments().size() > InputLimits.ADJUSTMENTS) {
                throw InvalidValuationInput.tooManyAdjustments(path + ".adjustments");
            }
            for (Map.Entry<String, BigDecimal> adjustment : comparable.adjustments().entrySet()) {
                String name = adjustment.getKey();
                if (name == null || name.isBlank()) {
                    throw InvalidValuationInput.invalid(path + ".adjustments", "adjustment names must not be blank");
                }
                if (name.length() > InputLimits.ADJUSTMENT_NAME) {
                    throw InvalidValuationInput.adjustmentNameTooLong(path + ".adjustments");
                }
                factors.put(name, Checks.positive(adjustment.getValue(), path + ".adjustments." + name));
            }
        }
        return new ComparableDeal(price, weight, Collections.unmodifiableMap(factors));
    }
}
