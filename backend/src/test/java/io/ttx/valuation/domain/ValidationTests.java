package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static io.ttx.valuation.domain.Examples.ds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.ttx.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per validation rule: each must raise {@link InvalidValuationInput} with its code and field. */
class ValidationTests {

    private static final String INVALID = InvalidValuationInput.INVALID;

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rejectsWithCodeAndField(String rule, ThrowingCallable construction, String code, String field) {
        assertThatThrownBy(construction).isInstanceOfSatisfying(InvalidValuationInput.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.properties()).isEqualTo(Map.of("field", field));
        });
    }

    static Stream<Arguments> rules() {
        String dcf = "methods.incomeDcf.";
        String rfr = "methods.reliefFromRoyalty.";
        String rnpv = "methods.rnpv.";
        String cost = "methods.cost.";
        String market = "methods.market.";
        String option = "methods.realOption.";
        return Stream.of(
                rule("trl below 1", () -> ValuationRequest.builder(0).cost(Examples.cost()).build(), "trl"),
                rule("trl above 9", () -> ValuationRequest.builder(10).cost(Examples.cost()).build(), "trl"),
                arguments("at least one method", (ThrowingCallable) () -> ValuationRequest.builder(5).build(),
                        InvalidValuationInput.NO_METHOD, "methods"),
                rule("method weight > 0", () -> ValuationRequest.builder(5).cost(Examples.cost())
                        .weight(ValuationMethod.COST, d("0")).build(), "weights.cost"),
                rule("platform deal price >= 0", () -> ValuationRequest.builder(5).market(Examples.market())
                        .platformDeals(List.of(new PlatformDeal("x", d("-1")))).build(), "platformDeals[0].price"),
                rule("incomeDcf discountRate >= 0", () -> dcf(d("-0.01"), ds("1")), dcf + "discountRate"),
                rule("incomeDcf discountRate <= 5", () -> dcf(d("5.01"), ds("1")), dcf + "discountRate"),
                rule("incomeDcf discountRate required", () -> dcf(null, ds("1")), dcf + "discountRate"),
                rule("at most 34 decimal places", () -> dcf(d("1E-35"), ds("1")), dcf + "discountRate"),
                rule("cash flows at least 1", () -> dcf(d("0.1"), List.of()), dcf + "cashFlows"),
                rule("cash flows at most 50", () -> dcf(d("0.1"), Collections.nCopies(51, d("1"))), dcf + "cashFlows"),
                rule("cash flow below 10^13", () -> dcf(d("0.1"), ds("1", "2", "3", "1E+13")), dcf + "cashFlows[3]"),
                rule("cash flow above -10^13", () -> dcf(d("0.1"), ds("-1E+13")), dcf + "cashFlows[0]"),
                rule("cash flow numeric", () -> dcf(d("0.1"), withNull()), dcf + "cashFlows[1]"),
                rule("rfr discountRate <= 5", () -> rfr(d("5.5"), d("0.25"), Examples.revenues()),
                        rfr + "discountRate"),
                rule("taxRate <= 1", () -> rfr(d("0.1"), d("1.01"), Examples.revenues()), rfr + "taxRate"),
                rule("taxRate >= 0", () -> rfr(d("0.1"), d("-0.01"), Examples.revenues()), rfr + "taxRate"),
                rule("revenues at least 1", () -> rfr(d("0.1"), d("0.25"), List.of()), rfr + "revenues"),
                rule("revenue below 10^13", () -> rfr(d("0.1"), d("0.25"), ds("10000000000000")), rfr + "revenues[0]"),
                arguments("royalty and margin both given", (ThrowingCallable) () -> royalty(d("0.05"), d("0.2"),
                        RoyaltyRule.TWENTY_FIVE_PERCENT, null), InvalidValuationInput.ROYALTY_AND_MARGIN,
                        rfr + "royaltyRate"),
                rule("royalty or margin required", () -> royalty(null, null, null, null), rfr + "royaltyRate"),
                rule("royaltyRate in [0, 1]", () -> royalty(d("1.5"), null, null, null), rfr + "royaltyRate"),
                rule("rule only with margin", () -> royalty(d("0.05"), null, RoyaltyRule.PROFIT_SPLIT, null),
                        rfr + "rule"),
                rule("operatingMargin <= 1", () -> royalty(null, d("1.2"), RoyaltyRule.TWENTY_FIVE_PERCENT, null),
                        rfr + "operatingMargin"),
                rule("operatingMargin >= 0", () -> royalty(null, d("-0.2"), RoyaltyRule.TWENTY_FIVE_PERCENT, null),
                        rfr + "operatingMargin"),
                rule("margin needs a rule", () -> royalty(null, d("0.2"), null, null), rfr + "rule"),
                rule("profit split needs splitRate", () -> royalty(null, d("0.2"), RoyaltyRule.PROFIT_SPLIT, null),
                        rfr + "splitRate"),
                rule("splitRate >= 0.25", () -> royalty(null, d("0.2"), RoyaltyRule.PROFIT_SPLIT, d("0.24")),
                        rfr + "splitRate"),
                rule("splitRate <= 0.33", () -> royalty(null, d("0.2"), RoyaltyRule.PROFIT_SPLIT, d("0.34")),
                        rfr + "splitRate"),
                rule("splitRate only with profit split", () -> royalty(null, d("0.2"),
                        RoyaltyRule.TWENTY_FIVE_PERCENT, d("0.3")), rfr + "splitRate"),
                rule("rnpv discountRate >= 0", () -> rnpv(d("-1"), ds("1"), ds("1")), rnpv + "discountRate"),
                rule("rnpv cash flows at most 50", () -> rnpv(d("0.1"), Collections.nCopies(51, d("1")),
                        Collections.nCopies(51, d("1"))), rnpv + "cashFlows"),
                rule("probability <= 1", () -> rnpv(d("0.1"), ds("1", "2"), ds("1", "1.2")), rnpv + "probabilities[1]"),
                rule("probability >= 0", () -> rnpv(d("0.1"), ds("1", "2"), ds("1", "-0.1")),
                        rnpv + "probabilities[1]"),
                rule("probabilities non-increasing", () -> rnpv(d("0.1"), ds("1", "2", "3"), ds("1", "0.5", "0.6")),
                        rnpv + "probabilities[2]"),
                rule("as many probabilities as cash flows", () -> rnpv(d("0.1"), ds("1", "2"), ds("1")),
                        rnpv + "probabilities"),
                rule("cost items non-negative", () -> cost(new CostItems(d("1"), d("-1"), d("0"), d("0")), d("0.1"), 0,
                        1, d("0"), d("0")), cost + "costItems.materials"),
                rule("cost item below 10^13", () -> cost(new CostItems(d("1E13"), d("1"), d("0"), d("0")), d("0.1"), 0,
                        1, d("0"), d("0")), cost + "costItems.rdLabour"),
                rule("markup <= 1", () -> cost(Examples.costItems(), d("1.5"), 0, 1, d("0"), d("0")),
                        cost + "profitMarkup"),
                rule("elapsedYears >= 0", () -> cost(Examples.costItems(), d("0.1"), -1, 1, d("0"), d("0")),
                        cost + "elapsedYears"),
                rule("remainingYears >= 1", () -> cost(Examples.costItems(), d("0.1"), 0, 0, d("0"), d("0")),
                        cost + "remainingYears"),
                rule("elapsedYears <= 50", () -> cost(Examples.costItems(), d("0.1"), 51, 1, d("0"), d("0")),
                        cost + "elapsedYears"),
                rule("remainingYears <= 50", () -> cost(Examples.costItems(), d("0.1"), 0, Integer.MAX_VALUE, d("0"), d("0")),
                        cost + "remainingYears"),
                rule("functional obsolescence <= 1", () -> cost(Examples.costItems(), d("0.1"), 0, 1, d("1.01"),
                        d("0")), cost + "functionalObsolescence"),
                rule("economic obsolescence >= 0", () -> cost(Examples.costItems(), d("0.1"), 0, 1, d("0"),
                        d("-0.01")), cost + "economicObsolescence"),
                rule("comparables at least 1", () -> new MarketInput(List.of(), false), market + "comparables"),
                rule("comparables at most 100", () -> new MarketInput(Collections.nCopies(101,
                        Examples.comparables().get(0)), false), market + "comparables"),
                rule("comparable weight > 0", () -> market(new ComparableDeal(d("1"), d("0"), Map.of())),
                        market + "comparables[1].weight"),
                rule("adjustment factor > 0", () -> market(new ComparableDeal(d("1"), d("1"),
                        Examples.adjustments("date", "1.1", "territory", "0"))),
                        market + "comparables[1].adjustments.territory"),
                arguments("at most 20 adjustments", (ThrowingCallable) () -> market(new ComparableDeal(d("1"), d("1"), adjustments(21))),
                        InvalidValuationInput.TOO_MANY_ITEMS, market + "comparables[1].adjustments"),
                arguments("adjustment names of at most 100 characters", (ThrowingCallable) () -> market(new ComparableDeal(d("1"), d("1"),
                        Map.of("n".repeat(101), d("1")))), InvalidValuationInput.TEXT_TOO_LONG, market + "comparables[1].adjustments"),
                rule("comparable price >= 0", () -> market(new ComparableDeal(d("-5"), d("1"), Map.of())),
                        market + "comparables[1].price"),
                rule("S > 0", () -> option(d("0"), d("1"), d("1"), d("0.2"), d("0.05"), null),
                        option + "underlyingValue"),
                rule("X > 0", () -> option(d("1"), d("-1"), d("1"), d("0.2"), d("0.05"), null), option + "investment"),
                rule("S below 10^13", () -> option(d("1E13"), d("1"), d("1"), d("0.2"), d("0.05"), null),
                        option + "underlyingValue"),
                rule("T > 0", () -> option(d("1"), d("1"), d("0"), d("0.2"), d("0.05"), null), option + "years"),
                rule("T <= 50", () -> option(d("1"), d("1"), d("50.01"), d("0.2"), d("0.05"), null), option + "years"),
                rule("volatility > 0", () -> option(d("1"), d("1"), d("1"), d("0"), d("0.05"), null),
                        option + "volatility"),
                rule("volatility <= 5", () -> option(d("1"), d("1"), d("1"), d("5.01"), d("0.05"), null),
                        option + "volatility"),
                rule("riskFreeRate <= 5", () -> option(d("1"), d("1"), d("1"), d("0.2"), d("5.5"), null),
                        option + "riskFreeRate"),
                rule("riskFreeRate >= 0", () -> option(d("1"), d("1"), d("1"), d("0.2"), d("-0.01"), null),
                        option + "riskFreeRate"),
                rule("paths >= 1,000", () -> option(d("1"), d("1"), d("1"), d("0.2"), d("0.05"),
                        new MonteCarloSpec(999, 1)), option + "monteCarlo.paths"),
                rule("paths <= 1,000,000", () -> option(d("1"), d("1"), d("1"), d("0.2"), d("0.05"),
                        new MonteCarloSpec(1_000_001, 1)), option + "monteCarlo.paths"));
    }

    @Test
    void acceptsTheBoundaryValues() {
        new IncomeDcfInput(d("0"), Collections.nCopies(50, d("9999999999999.99")));
        new IncomeDcfInput(d("5"), ds("-9999999999999.99"));
        new RnpvInput(d("0.1"), ds("1", "2", "3"), ds("1", "1", "0"));
        new ReliefFromRoyaltyInput(d("0"), d("1"), ds("1"), null, d("1"), RoyaltyRule.PROFIT_SPLIT, d("0.25"));
        new ReliefFromRoyaltyInput(d("0"), d("0"), ds("1"), null, d("0"), RoyaltyRule.PROFIT_SPLIT, d("0.33"));
        new CostInput(Examples.costItems(), d("1"), 0, 1, d("1"), d("1"));
        new CostInput(Examples.costItems(), d("1"), 50, 50, d("1"), d("1"));
        new MarketInput(List.of(new ComparableDeal(d("1"), d("1"), adjustments(20)), new ComparableDeal(d("1"), d("1"),
                Map.of("n".repeat(100), d("1")))), false);
        new MarketInput(Collections.nCopies(100, Examples.comparables().get(0)), false);
        new RealOptionInput(d("0.01"), d("9999999999999.99"), d("50"), d("5"), d("5"), new MonteCarloSpec(1000, 0));
        new RealOptionInput(d("1"), d("1"), d("0.0001"), d("0.0001"), d("0"), new MonteCarloSpec(1_000_000, -1));
        assertThat(ValuationRequest.builder(9).cost(Examples.cost()).build().trl()).isEqualTo(9);
        assertThat(ValuationRequest.builder(1).cost(Examples.cost()).build().trl()).isEqualTo(1);
    }

    /** {@code n} adjustments named a0, a1, ... with factor 1.01. */
    private static Map<String, BigDecimal> adjustments(int n) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) out.put("a" + i, d("1.01"));
        return out;
    }

    private static Arguments rule(String name, ThrowingCallable construction, String field) {
        return arguments(name, construction, INVALID, field);
    }

    private static List<BigDecimal> withNull() {
        List<@Nullable BigDecimal> flows = new ArrayList<>(ds("1"));
        flows.add(null);
        @SuppressWarnings("unchecked")
        List<BigDecimal> unchecked = (List<BigDecimal>) (List<?>) flows;
        return unchecked;
    }

    private static Object dcf(@Nullable BigDecimal rate, List<BigDecimal> flows) {
        return new IncomeDcfInput(rate, flows);
    }

    private static Object rfr(BigDecimal rate, BigDecimal tax, List<BigDecimal> revenues) {
        return new ReliefFromRoyaltyInput(rate, tax, revenues, d("0.05"), null, null, null);
    }

    private static Object royalty(@Nullable BigDecimal royaltyRate, @Nullable BigDecimal margin,
            @Nullable RoyaltyRule rule, @Nullable BigDecimal split) {
        return new ReliefFromRoyaltyInput(d("0.1"), d("0.25"), Examples.revenues(), royaltyRate, margin, rule, split);
    }

    private static Object rnpv(BigDecimal rate, List<BigDecimal> flows, List<BigDecimal> probabilities) {
        return new RnpvInput(rate, flows, probabilities);
    }

    private static Object cost(CostItems items, BigDecimal markup, int elapsed, int remaining, BigDecimal functional,
            BigDecimal economic) {
        return new CostInput(items, markup, elapsed, remaining, functional, economic);
    }

    private static Object market(ComparableDeal second) {
        return new MarketInput(List.of(Examples.comparables().get(0), second), false);
    }

    private static Object option(BigDecimal s, BigDecimal x, BigDecimal t, BigDecimal sigma, BigDecimal r,
            @Nullable MonteCarloSpec monteCarlo) {
        return new RealOptionInput(s, x, t, sigma, r, monteCarlo);
    }
}
