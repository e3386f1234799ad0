package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one method contributes: its value and range (all to the fen) and its own warnings. The recommended range is
 * computed from {@link #low()} and {@link #high()} exactly as reported, so a reader can reproduce it.
 */
public sealed interface MethodResult
        permits DiscountedCashFlowResult, CostResult, MarketResult, RealOptionResult {

    ValuationMethod method();

    BigDecimal value();

    BigDecimal low();

    BigDecimal high();

    List<ValuationWarning> warnings();
}
