package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReliefFromRoyaltyTests {

    private final ReliefFromRoyalty relief = new ReliefFromRoyalty();

    @Test
    void reproducesWorkedExampleWithTheTwentyFivePercentRule() {
        DiscountedCashFlowResult result = relief.value(Examples.reliefFromRoyalty(), TrlRisk.NONE, false);

        assertThat(result.method()).isEqualTo(ValuationMethod.RELIEF_FROM_ROYALTY);
        assertThat(result.royaltyRate()).isEqualByComparingTo("0.05");
        assertThat(result.value()).isEqualTo(d("2742226.06"));
        assertThat(result.low()).isEqualTo(d("2598775.37"));
        assertThat(result.high()).isEqualTo(d("2897720.86"));
        assertThat(result.effectiveRate()).isEqualByComparingTo("0.15");
        assertThat(result.breakdown()).containsExactly(
                new BreakdownRow(1, d("375000.00"), d("0.8695652174"), d("326086.96")),
                new BreakdownRow(2, d("750000.00"), d("0.7561436673"), d("567107.75")),
                new BreakdownRow(3, d("1125000.00"), d("0.6575162324"), d("739705.76")),
                new BreakdownRow(4, d("1125000.00"), d("0.5717532456"), d("643222.40")),
                new BreakdownRow(5, d("937500.00"), d("0.4971767353"), d("466103.19")));
    }

    @Test
    void givenRoyaltyRateEqualToTheDerivedOneGivesTheSameFigures() {
        DiscountedCashFlowResult result = relief.value(Examples.reliefFromRoyalty(d("0.05")), TrlRisk.NONE, false);

        assertThat(result.value()).isEqualTo(d("2742226.06"));
        assertThat(result.low()).isEqualTo(d("2598775.37"));
        assertThat(result.high()).isEqualTo(d("2897720.86"));
    }

    @Test
    void profitSplitTakesTheSplitRateOfTheMargin() {
        ReliefFromRoyaltyInput input = new ReliefFromRoyaltyInput(d("0.15"), d("0.25"), Examples.revenues(), null,
                d("0.20"), RoyaltyRule.PROFIT_SPLIT, d("0.30"));

        DiscountedCashFlowResult result = relief.value(input, TrlRisk.NONE, false);

        assertThat(result.royaltyRate()).isEqualByComparingTo("0.06");
        assertThat(result.value()).isEqualTo(d("3290671.27"));
        assertThat(result.low()).isEqualTo(d("3118530.44"));
        assertThat(result.high()).isEqualTo(d("3477265.03"));
        assertThat(result.breakdown().get(0))
                .isEqualTo(new BreakdownRow(1, d("450000.00"), d("0.8695652174"), d("391304.35")));
    }
}
