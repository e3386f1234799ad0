package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuationEngineTests {

    private final ValuationEngine engine = new ValuationEngine();

    @Test
    void combinesAllMethodsWithEqualWeightsByDefault() {
        ValuationResult result = engine.evaluate(Examples.allMethods(5).build());

        assertThat(result.rulesVersion()).isEqualTo(ValuationEngine.RULES_VERSION);
        assertThat(result.trl()).isEqualTo(5);
        assertThat(result.trlAdjustment()).isEqualTo(TrlAdjustment.NONE);
        assertThat(result.methods()).containsOnlyKeys(ValuationMethod.values());
        assertThat(result.methods().keySet()).containsExactly(ValuationMethod.values());
        assertThat(result.methods().values()).extracting(MethodResult::value).containsExactly(d("5804612.95"),
                d("2742226.06"), d("974039.28"), d("1063697.73"), d("2059142.86"), d("104505.84"));
        // lows sum to 11,183,473.04 and highs to 14,309,019.24, each divided by 6
        assertThat(result.recommended().low()).isEqualTo(d("1863912.17"));
        assertThat(result.recommended().high()).isEqualTo(d("2384836.54"));
        assertThat(result.recommended().weights()).hasSize(6)
                .allSatisfy((m, w) -> assertThat(w).isEqualTo(BigDecimal.ONE));
        assertThat(result.recommended().warnings()).isEmpty();
    }

    @Test
    void usesTheRequestWeights() {
        ValuationResult result = engine.evaluate(Examples.allMethods(5)
                .weight(ValuationMethod.INCOME_DCF, d("3")).weight(ValuationMethod.RELIEF_FROM_ROYALTY, d("2"))
                .weight(ValuationMethod.COST, d("0.5")).weight(ValuationMethod.REAL_OPTION, d("0.25")).build());

        // sum w x low = 24,239,869.92, sum w x high = 28,799,336.7975, sum w = 7.75
        assertThat(result.recommended().low()).isEqualTo(d("3127725.15"));
        assertThat(result.recommended().high()).isEqualTo(d("3716043.46"));
        assertThat(result.recommended().weights()).containsEntry(ValuationMethod.INCOME_DCF, d("3"))
                .containsEntry(ValuationMethod.RNPV, BigDecimal.ONE).containsEntry(ValuationMethod.COST, d("0.5"));
    }

    @Test
    void listsWeightsOnlyForTheMethodsInTheRequest() {
        ValuationResult result = engine.evaluate(ValuationRequest.builder(7).cost(Examples.cost())
                .market(Examples.market()).weight(ValuationMethod.INCOME_DCF, d("9")).build());

        assertThat(result.methods()).containsOnlyKeys(ValuationMethod.COST, ValuationMethod.MARKET);
        assertThat(result.recommended().weights()).containsOnlyKeys(ValuationMethod.COST, ValuationMethod.MARKET);
        // (957,327.95 + 1,254,000.00) / 2 and (1,170,067.50 + 2,800,000.00) / 2
        assertThat(result.recommended().low()).isEqualTo(d("1105663.98"));
        assertThat(result.recommended().high()).isEqualTo(d("1985033.75"));
    }

    @Test
    void settingsDefaultWeightsApplyWhenTheRequestGivesNone() {
        ValuationSettings settings = new ValuationSettings(TrlBands.defaults(), OpenLicenceCaps.defaults(),
                Map.of(ValuationMethod.COST, d("3")), false);

        ValuationResult result = new ValuationEngine(settings).evaluate(ValuationRequest.builder(7)
                .cost(Examples.cost()).market(Examples.market()).build());

        assertThat(result.recommended().weights()).containsEntry(ValuationMethod.COST, d("3"))
                .containsEntry(ValuationMethod.MARKET, BigDecimal.ONE);
        // (3 x 957,327.95 + 1,254,000.00) / 4 = 1,031,495.9625
        assertThat(result.recommended().low()).isEqualTo(d("1031495.96"));
    }

    @Test
    void marketReceivesThePlatformDealsOfTheRequest() {
        List<PlatformDeal> deals = List.of(new PlatformDeal("deal-1", d("2500000")));
        ValuationResult result = engine.evaluate(ValuationRequest.builder(7)
                .market(new MarketInput(Examples.comparables(), true)).platformDeals(deals).build());

        MarketResult market = (MarketResult) result.methods().get(ValuationMethod.MARKET);
        assertThat(market.value()).isEqualTo(d("2157111.11"));
        assertThat(market.platformDeals()).isEqualTo(deals);
    }

    @Test
    void parallelMonteCarloSettingGivesTheSameResult() {
        ValuationRequest request = ValuationRequest.builder(7)
                .realOption(Examples.realOption(new MonteCarloSpec(50_000, 3))).build();
        ValuationSettings parallel = new ValuationSettings(TrlBands.defaults(), OpenLicenceCaps.defaults(),
                Map.of(), true);

        assertThat(new ValuationEngine(parallel).evaluate(request)).isEqualTo(engine.evaluate(request));
    }
}
