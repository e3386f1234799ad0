package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The worked examples of docs/valuation.md as inputs. Expected figures in the tests were computed independently with
 * python's decimal module at 34 digits (and cross-checked with exact fractions and mpmath), not copied from the code.
 */
final class Examples {

    private Examples() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static List<BigDecimal> ds(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    static IncomeDcfInput incomeDcf() {
        return new IncomeDcfInput(d("0.12"), ds("1000000", "1500000", "2000000", "2000000", "1800000"));
    }

    static List<BigDecimal> revenues() {
        return ds("10000000", "20000000", "30000000", "30000000", "25000000");
    }

    /** Royalty from the 25 % rule on a 20 % margin: RR = 0.05. */
    static ReliefFromRoyaltyInput reliefFromRoyalty() {
        return new ReliefFromRoyaltyInput(d("0.15"), d("0.25"), revenues(), null, d("0.20"),
                RoyaltyRule.TWENTY_FIVE_PERCENT, null);
    }

    static ReliefFromRoyaltyInput reliefFromRoyalty(BigDecimal royaltyRate) {
        return new ReliefFromRoyaltyInput(d("0.15"), d("0.25"), revenues(), royaltyRate, null, null, null);
    }

    static RnpvInput rnpv() {
        return new RnpvInput(d("0.10"), ds("-2000000", "-1000000", "3000000", "5000000", "6000000"),
                ds("1", "0.6", "0.35", "0.35", "0.35"));
    }

    static CostItems costItems() {
        return new CostItems(d("1200000"), d("300000"), d("50000"), d("150000"));
    }

    static CostInput cost() {
        return new CostInput(costItems(), d("0.15"), 4, 7, d("0.10"), d("0.05"));
    }

    static Map<String, BigDecimal> adjustments(String... namesAndFactors) {
        Map<String, BigDecimal> factors = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFactors.length; i += 2) {
            factors.put(namesAndFactors[i], d(namesAndFactors[i + 1]));
        }
        return factors;
    }

    static List<ComparableDeal> comparables() {
        return List.of(
                new ComparableDeal(d("2000000"), d("2"), adjustments("date", "1.05", "similarity", "0.9")),
                new ComparableDeal(d("3500000"), d("1"), adjustments("exclusivity", "0.8")),
                new ComparableDeal(d("1200000"), d("0.5"), adjustments("territory", "1.1", "legalStatus", "0.95")));
    }

    static MarketInput market() {
        return new MarketInput(comparables(), false);
    }

    static RealOptionInput realOption(@Nullable MonteCarloSpec monteCarlo) {
        return new RealOptionInput(d("1000000"), d("1000000"), d("1"), d("0.2"), d("0.05"), monteCarlo);
    }

    static ValuationRequest.Builder allMethods(int trl) {
        return ValuationRequest.builder(trl).incomeDcf(incomeDcf()).reliefFromRoyalty(reliefFromRoyalty())
                .rnpv(rnpv()).cost(cost()).market(market()).realOption(realOption(null));
    }
}
