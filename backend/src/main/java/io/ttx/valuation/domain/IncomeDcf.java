package io.ttx.valuation.domain;

import java.util.List;

/**
 * Income approach, discounted cash flow: V = sum_t CF_t / (1 + r)^t. The TRL risk applies here: under
 * DISCOUNT_PREMIUM r becomes r + premium, under SUCCESS_PROBABILITY every CF_t becomes p x CF_t.
 */
public final class IncomeDcf {

    public DiscountedCashFlowResult value(IncomeDcfInput input, TrlRisk risk) {
        return Discounting.evaluate(ValuationMethod.INCOME_DCF, risk.adjust(input.cashFlows()),
                risk.effectiveRate(input.discountRate()), risk.successProbability(), null, List.of());
    }
}
