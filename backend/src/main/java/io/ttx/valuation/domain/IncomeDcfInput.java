package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Inputs of the income (DCF) method: a discount rate in [0, 5] and 1 to 50 year-end cash flows (year 1 first), each
 * below 10^13 CNY in absolute value. Validated here so that no policy ever sees a bad number.
 */
public record IncomeDcfInput(BigDecimal discountRate, List<BigDecimal> cashFlows) {

    private static final ValuationMethod M = ValuationMethod.INCOME_DCF;

    public IncomeDcfInput {
        discountRate = Checks.between(discountRate, BigDecimal.ZERO, Checks.FIVE, M.field("discountRate"));
        cashFlows = Checks.yearly(cashFlows, M.field("cashFlows"));
    }
}
