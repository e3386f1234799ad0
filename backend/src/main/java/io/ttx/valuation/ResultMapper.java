package io.ttx.valuation;

import io.ttx.valuation.domain.BreakdownRow;
import io.ttx.valuation.domain.CostResult;
import io.ttx.valuation.domain.DiscountedCashFlowResult;
import io.ttx.valuation.domain.MarketResult;
import io.ttx.valuation.domain.MethodResult;
import io.ttx.valuation.domain.MonteCarloResult;
import io.ttx.valuation.domain.RealOptionResult;
import io.ttx.valuation.domain.RecommendedRange;
import io.ttx.valuation.domain.ValuationMethod;
import io.ttx.valuation.domain.ValuationResult;
import io.ttx.valuation.domain.ValuationWarning;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The domain's figures as decimal strings ({@code toPlainString()}: the scale the domain chose is kept). */
final class ResultMapper {
    private ResultMapper() { }

    static ValuationResults results(ValuationResult result) {
        Map<ValuationMethod, MethodResult> m = result.methods();
        return new ValuationResults(discounted(m.get(ValuationMethod.INCOME_DCF)),
            discounted(m.get(ValuationMethod.RELIEF_FROM_ROYALTY)), discounted(m.get(ValuationMethod.RNPV)),
            m.get(ValuationMethod.COST) instanceof CostResult c ? cost(c) : null,
            m.get(ValuationMethod.MARKET) instanceof MarketResult r ? market(r) : null,
            m.get(ValuationMethod.REAL_OPTION) instanceof RealOptionResult r ? realOption(r) : null);
    }

    static ValuationResults.Recommended recommended(RecommendedRange range) {
        Map<String, String> weights = new LinkedHashMap<>();
        range.weights().forEach((method, weight) -> weights.put(method.key(), s(weight)));
        return new ValuationResults.Recommended(s(range.low()), s(range.high()), weights, warnings(range.warnings()));
    }

    private static ValuationResults.@Nullable Discounted discounted(@Nullable MethodResult result) {
        if (!(result instanceof DiscountedCashFlowResult r)) return null;
        List<ValuationResults.Row> rows = r.breakdown().stream().map(ResultMapper::row).toList();
        return new ValuationResults.Discounted(s(r.value()), s(r.low()), s(r.high()), s(r.effectiveRate()),
            sn(r.successProbability()), sn(r.royaltyRate()), rows, warnings(r.warnings()));
    }

    private static ValuationResults.Row row(BreakdownRow r) {
        return new ValuationResults.Row(r.year(), s(r.amount()), s(r.discountFactor()), s(r.presentValue()));
    }

    private static ValuationResults.Cost cost(CostResult r) {
        return new ValuationResults.Cost(s(r.value()), s(r.low()), s(r.high()), s(r.replacementCost()),
            s(r.remainingLifeFactor()), warnings(r.warnings()));
    }

    private static ValuationResults.Market market(MarketResult r) {
        return new ValuationResults.Market(s(r.value()), s(r.low()), s(r.high()),
            r.adjustedComparables().stream().map(ResultMapper::s).toList(),
            r.platformDeals().stream().map(d -> new ValuationResults.PlatformDeal(d.dealId(), s(d.price()))).toList(),
            warnings(r.warnings()));
    }

    private static ValuationResults.RealOption realOption(RealOptionResult r) {
        MonteCarloResult mc = r.monteCarlo();
        ValuationResults.MonteCarlo monteCarlo = mc == null ? null : new ValuationResults.MonteCarlo(mc.paths(), mc.seed(),
            s(mc.mean()), s(mc.p10()), s(mc.p50()), s(mc.p90()),
            mc.histogram().stream().map(b -> new ValuationResults.Bucket(s(b.from()), s(b.to()), b.count())).toList());
        return new ValuationResults.RealOption(s(r.value()), s(r.low()), s(r.high()), s(r.blackScholes()), monteCarlo,
            warnings(r.warnings()));
    }

    private static List<ValuationResults.Warning> warnings(List<ValuationWarning> warnings) {
        return warnings.stream().map(w -> new ValuationResults.Warning(w.code(), w.message())).toList();
    }

    private static String s(BigDecimal value) {
        return value.toPlainString();
    }

    private static @Nullable String sn(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
