package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Inputs of risk-adjusted NPV: a discount rate in [0, 5], 1 to 50 cash flows and as many cumulative probabilities of
 * reaching each year's stage. A cumulative probability cannot rise later on, hence non-increasing, each in [0, 1].
 */
public record RnpvInput(BigDecimal discountRate, List<BigDecimal> cashFlows, List<BigDecimal> probabilities) {

    private static final ValuationMethod M = ValuationMethod.RNPV;

    public RnpvInput {
        discountRate = Checks.between(discountRate, BigDecimal.ZERO, Checks.FIVE, M.field("discountRate"));
        cashFlows = Checks.yearly(cashFlows, M.field("cashFlows"));
        String field = M.field("probabilities");
        List<BigDecimal> given = Checks.sized(probabilities, 1, InputLimits.YEARS, field);
        if (given.size() != cashFlows.size()) {
            throw InvalidValuationInput.invalid(field, "must have as many entries as cashFlows (" + cashFlows.size()
                    + ")");
        }
        for (int i = 0; i < given.size(); i++) {
            BigDecimal p = Checks.fraction(given.get(i), field + "[" + i + "]");
            if (i > 0 && p.compareTo(given.get(i - 1)) > 0) {
                throw InvalidValuationInput.invalid(field + "[" + i + "]",
                        "cumulative probabilities must not increase from one year to the next");
            }
        }
        probabilities = List.copyOf(given);
    }
}
