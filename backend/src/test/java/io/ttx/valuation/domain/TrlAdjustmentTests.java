package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrlAdjustmentTests {

    private final TrlBands bands = TrlBands.defaults();
    private final IncomeDcf dcf = new IncomeDcf();

    @Test
    void discountPremiumRaisesTheRate() {
        DiscountedCashFlowResult result =
                dcf.value(Examples.incomeDcf(), bands.risk(5, TrlAdjustment.DISCOUNT_PREMIUM));

        assertThat(result.effectiveRate()).isEqualByComparingTo("0.24");
        assertThat(result.successProbability()).isNull();
        assertThat(result.value()).isEqualTo(d("4290913.57"));
        assertThat(result.low()).isEqualTo(d("4098573.69"));
        assertThat(result.high()).isEqualTo(d("4497676.34"));
        assertThat(result.breakdown().get(0))
                .isEqualTo(new BreakdownRow(1, d("1000000.00"), d("0.8064516129"), d("806451.61")));
    }

    @Test
    void successProbabilityScalesEveryCashFlow() {
        DiscountedCashFlowResult result =
                dcf.value(Examples.incomeDcf(), bands.risk(5, TrlAdjustment.SUCCESS_PROBABILITY));

        assertThat(result.effectiveRate()).isEqualByComparingTo("0.12");
        assertThat(result.successProbability()).isEqualByComparingTo("0.38");
        assertThat(result.value()).isEqualTo(d("2205752.92"));
        assertThat(result.low()).isEqualTo(d("2090137.35"));
        assertThat(result.high()).isEqualTo(d("2331328.59"));
        assertThat(result.breakdown()).extracting(BreakdownRow::amount)
                .containsExactly(d("380000.00"), d("570000.00"), d("760000.00"), d("760000.00"), d("684000.00"));
    }

    @ParameterizedTest(name = "TRL {0}")
    @CsvSource({
        "3, 0.32, 3595967.15, 0.12, 696553.55",
        "4, 0.24, 4290913.57, 0.38, 2205752.92",
        "6, 0.24, 4290913.57, 0.38, 2205752.92",
        "7, 0.17, 5087512.46, 0.72, 4179321.33",
        "8, 0.17, 5087512.46, 0.72, 4179321.33",
        "9, 0.13, 5649381.44, 0.95, 5514382.30"})
    void bandBoundariesFallOnThreeFourSixSevenEightNine(int trl, BigDecimal rate, BigDecimal premiumValue,
            BigDecimal probability, BigDecimal probabilityValue) {
        DiscountedCashFlowResult premium =
                dcf.value(Examples.incomeDcf(), bands.risk(trl, TrlAdjustment.DISCOUNT_PREMIUM));
        DiscountedCashFlowResult success =
                dcf.value(Examples.incomeDcf(), bands.risk(trl, TrlAdjustment.SUCCESS_PROBABILITY));

        assertThat(premium.effectiveRate()).isEqualByComparingTo(rate);
        assertThat(premium.value()).isEqualTo(premiumValue);
        assertThat(success.successProbability()).isEqualByComparingTo(probability);
        assertThat(success.value()).isEqualTo(probabilityValue);
    }

    @Test
    void reliefFromRoyaltyIsAdjustedBothWays() {
        ReliefFromRoyalty relief = new ReliefFromRoyalty();

        DiscountedCashFlowResult premium =
                relief.value(Examples.reliefFromRoyalty(), bands.risk(5, TrlAdjustment.DISCOUNT_PREMIUM), false);
        DiscountedCashFlowResult success =
                relief.value(Examples.reliefFromRoyalty(), bands.risk(5, TrlAdjustment.SUCCESS_PROBABILITY), false);

        assertThat(premium.effectiveRate()).isEqualByComparingTo("0.27");
        assertThat(premium.value()).isEqualTo(d("2025702.92"));
        assertThat(premium.low()).isEqualTo(d("1934140.49"));
        assertThat(premium.high()).isEqualTo(d("2124000.00"));
        assertThat(success.successProbability()).isEqualByComparingTo("0.38");
        assertThat(success.value()).isEqualTo(d("1042045.90"));
        assertThat(success.low()).isEqualTo(d("987534.64"));
        assertThat(success.high()).isEqualTo(d("1101133.93"));
        assertThat(success.breakdown().get(0).amount()).isEqualTo(d("142500.00"));
    }

    @Test
    void noneLeavesRateAndCashFlowsAlone() {
        assertThat(bands.risk(1, TrlAdjustment.NONE)).isEqualTo(TrlRisk.NONE);
        assertThat(dcf.value(Examples.incomeDcf(), bands.risk(1, TrlAdjustment.NONE)).value())
                .isEqualTo(d("5804612.95"));
    }

    @Test
    void otherMethodsAreNeverAdjusted() {
        ValuationEngine engine = new ValuationEngine();
        ValuationResult none = engine.evaluate(Examples.allMethods(2).build());

        for (TrlAdjustment mode : List.of(TrlAdjustment.DISCOUNT_PREMIUM, TrlAdjustment.SUCCESS_PROBABILITY)) {
            ValuationResult adjusted = engine.evaluate(Examples.allMethods(2).trlAdjustment(mode).build());
            for (ValuationMethod method : List.of(ValuationMethod.RNPV, ValuationMethod.COST, ValuationMethod.MARKET,
                    ValuationMethod.REAL_OPTION)) {
                assertThat(adjusted.methods().get(method)).isEqualTo(none.methods().get(method));
            }
            assertThat(adjusted.methods().get(ValuationMethod.INCOME_DCF))
                    .isNotEqualTo(none.methods().get(ValuationMethod.INCOME_DCF));
        }
    }

    @Test
    void bandsAreConfiguration() {
        TrlBands custom = new TrlBands(List.of(
                new TrlBand(1, 4, d("0.25"), d("0.10")),
                new TrlBand(5, 9, d("0.08"), d("0.50"))));

        assertThat(custom.risk(5, TrlAdjustment.DISCOUNT_PREMIUM).effectiveRate(d("0.12")))
                .isEqualByComparingTo("0.20");
        assertThat(custom.risk(4, TrlAdjustment.SUCCESS_PROBABILITY).successProbability()).isEqualByComparingTo("0.10");
        ValuationSettings settings = new ValuationSettings(custom, OpenLicenceCaps.defaults(), Map.of(), false);
        ValuationResult result = new ValuationEngine(settings).evaluate(ValuationRequest.builder(5)
                .trlAdjustment(TrlAdjustment.DISCOUNT_PREMIUM).incomeDcf(Examples.incomeDcf()).build());
        assertThat(((DiscountedCashFlowResult) result.methods().get(ValuationMethod.INCOME_DCF)).effectiveRate())
                .isEqualByComparingTo("0.20");
    }

    @Test
    void bandsMustCoverOneToNineWithoutGaps() {
        assertThatThrownBy(() -> new TrlBands(List.of(new TrlBand(1, 3, d("0.2"), d("0.1")),
                new TrlBand(5, 9, d("0.1"), d("0.5"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrlBands(List.of(new TrlBand(1, 8, d("0.2"), d("0.1")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
