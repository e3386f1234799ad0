package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Risk-adjusted NPV: V = sum_t p_t x CF_t / (1 + r)^t. Never TRL-adjusted, since p_t already prices the technical
 * risk; the effective rate is the discount rate as given.
 */
public final class Rnpv {

    public DiscountedCashFlowResult value(RnpvInput input) {
        List<BigDecimal> amounts = new ArrayList<>(input.cashFlows().size());
        for (int i = 0; i < input.cashFlows().size(); i++) {
            amounts.add(input.probabilities().get(i).multiply(input.cashFlows().get(i)));
        }
        return Discounting.evaluate(ValuationMethod.RNPV, amounts, input.discountRate(), null, null, List.of());
    }
}
