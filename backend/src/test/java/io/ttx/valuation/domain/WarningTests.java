package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static io.ttx.valuation.domain.Examples.ds;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarningTests {

    private final ValuationEngine engine = new ValuationEngine();

    private static List<String> codes(List<ValuationWarning> warnings) {
        return warnings.stream().map(ValuationWarning::code).toList();
    }

    @Test
    void negativeValueIsFlaggedOnTheMethod() {
        ValuationResult result = engine.evaluate(ValuationRequest.builder(5)
                .incomeDcf(new IncomeDcfInput(d("0.1"), ds("-100", "50"))).build());

        MethodResult dcf = result.methods().get(ValuationMethod.INCOME_DCF);
        assertThat(dcf.value()).isEqualTo(d("-49.59"));
        assertThat(codes(dcf.warnings())).containsExactly(ValuationWarning.NEGATIVE_VALUE);
        assertThat(dcf.warnings().get(0).message()).contains("-49.59");
        assertThat(result.recommended().warnings()).isEmpty();
    }

    @Test
    void openLicenceRecommendedHighAboveTwentyMillionIsFlaggedOnTheRange() {
        ValuationRequest.Builder request = ValuationRequest.builder(5).openLicence(true)
                .market(single("20000000.01"));

        ValuationResult result = engine.evaluate(request.build());

        assertThat(codes(result.recommended().warnings())).containsExactly(ValuationWarning.OPEN_LICENCE_FEE_CAP);
        assertThat(engine.evaluate(request.openLicence(false).build()).recommended().warnings()).isEmpty();
    }

    @Test
    void openLicenceRecommendedHighOfExactlyTwentyMillionIsNotFlagged() {
        ValuationResult result = engine.evaluate(ValuationRequest.builder(5).openLicence(true)
                .market(single("20000000")).build());

        assertThat(result.recommended().high()).isEqualTo(d("20000000.00"));
        assertThat(result.recommended().warnings()).isEmpty();
    }

    @Test
    void openLicenceRoyaltyAboveTwentyPercentIsFlagged() {
        ReliefFromRoyalty relief = new ReliefFromRoyalty();

        assertThat(codes(relief.value(Examples.reliefFromRoyalty(d("0.21")), TrlRisk.NONE, true).warnings()))
                .containsExactly(ValuationWarning.OPEN_LICENCE_ROYALTY_CAP);
        assertThat(relief.value(Examples.reliefFromRoyalty(d("0.20")), TrlRisk.NONE, true).warnings()).isEmpty();
        assertThat(relief.value(Examples.reliefFromRoyalty(d("0.21")), TrlRisk.NONE, false).warnings()).isEmpty();
        ReliefFromRoyaltyInput derived = new ReliefFromRoyaltyInput(d("0.15"), d("0.25"), Examples.revenues(), null,
                d("0.9"), RoyaltyRule.TWENTY_FIVE_PERCENT, null);
        assertThat(codes(relief.value(derived, TrlRisk.NONE, true).warnings()))
                .containsExactly(ValuationWarning.OPEN_LICENCE_ROYALTY_CAP);
    }

    @Test
    void openLicenceRoyaltyTakingMoreThanTheProfitShareCapIsFlagged() {
        // With the default cap (40 %) no allowed split rate (at most 33 %) exceeds it; a stricter configured cap can.
        ReliefFromRoyaltyInput split = new ReliefFromRoyaltyInput(d("0.15"), d("0.25"), Examples.revenues(), null,
                d("0.2"), RoyaltyRule.PROFIT_SPLIT, d("0.33"));
        OpenLicenceCaps strict = new OpenLicenceCaps(d("20000000"), d("0.20"), d("0.30"));

        assertThat(codes(new ReliefFromRoyalty(strict).value(split, TrlRisk.NONE, true).warnings()))
                .containsExactly(ValuationWarning.OPEN_LICENCE_PROFIT_SHARE_CAP);
        assertThat(new ReliefFromRoyalty().value(split, TrlRisk.NONE, true).warnings()).isEmpty();
        ValuationSettings settings = new ValuationSettings(TrlBands.defaults(), strict, Map.of(), false);
        ValuationResult viaEngine = new ValuationEngine(settings).evaluate(ValuationRequest.builder(5)
                .openLicence(true).reliefFromRoyalty(split).build());
        assertThat(codes(viaEngine.methods().get(ValuationMethod.RELIEF_FROM_ROYALTY).warnings()))
                .containsExactly(ValuationWarning.OPEN_LICENCE_PROFIT_SHARE_CAP);
    }

    @Test
    void fewerThanThreeComparablesAreFlagged() {
        MarketComparables market = new MarketComparables();
        MarketInput two = new MarketInput(Examples.comparables().subList(0, 2), true);

        assertThat(codes(market.value(two, List.of()).warnings())).containsExactly(ValuationWarning.FEW_COMPARABLES);
        assertThat(market.value(two, List.of(new PlatformDeal("deal-1", BigDecimal.TEN))).warnings()).isEmpty();
        assertThat(market.value(Examples.market(), List.of()).warnings()).isEmpty();
    }

    private static MarketInput single(String price) {
        return new MarketInput(List.of(new ComparableDeal(d(price), BigDecimal.ONE, Map.of())), false);
    }
}
