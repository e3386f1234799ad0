package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class IncomeDcfTests {

    private final IncomeDcf dcf = new IncomeDcf();

    @Test
    void reproducesWorkedExampleToTheFen() {
        DiscountedCashFlowResult result = dcf.value(Examples.incomeDcf(), TrlRisk.NONE);

        assertThat(result.method()).isEqualTo(ValuationMethod.INCOME_DCF);
        assertThat(result.value()).isEqualTo(d("5804612.95"));
        assertThat(result.low()).isEqualTo(d("5500361.46"));
        assertThat(result.high()).isEqualTo(d("6135075.22"));
        assertThat(result.effectiveRate()).isEqualByComparingTo("0.12");
        assertThat(result.successProbability()).isNull();
        assertThat(result.royaltyRate()).isNull();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.breakdown()).containsExactly(
                new BreakdownRow(1, d("1000000.00"), d("0.8928571429"), d("892857.14")),
                new BreakdownRow(2, d("1500000.00"), d("0.7971938776"), d("1195790.82")),
                new BreakdownRow(3, d("2000000.00"), d("0.7117802478"), d("1423560.50")),
                new BreakdownRow(4, d("2000000.00"), d("0.6355180784"), d("1271036.16")),
                new BreakdownRow(5, d("1800000.00"), d("0.5674268557"), d("1021368.34")));
    }

    @Test
    void valueIsTheRoundedTotalNotTheSumOfRoundedRows() {
        DiscountedCashFlowResult result = dcf.value(Examples.incomeDcf(), TrlRisk.NONE);

        BigDecimal sumOfRows = result.breakdown().stream().map(BreakdownRow::presentValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sumOfRows).isEqualTo(d("5804612.96"));
        assertThat(result.value()).isEqualTo(d("5804612.95"));
    }

    @Test
    void precisionHoldsAtTheLargestAllowedAmounts() {
        IncomeDcfInput input = new IncomeDcfInput(d("0.07"), Collections.nCopies(50, d("9000000000000")));

        DiscountedCashFlowResult result = dcf.value(input, TrlRisk.NONE);

        // python decimal (34 digits) and exact fractions both give 124206716646305.7721722...; double gives ...305.67
        assertThat(result.value()).isEqualTo(d("124206716646305.77"));
        assertThat(result.low()).isEqualTo(d("98655146111677.29"));
        assertThat(result.high()).isEqualTo(d("164303329144971.48"));
        assertThat(result.breakdown().get(0))
                .isEqualTo(new BreakdownRow(1, d("9000000000000.00"), d("0.9345794393"), d("8411214953271.03")));
        assertThat(result.breakdown().get(49))
                .isEqualTo(new BreakdownRow(50, d("9000000000000.00"), d("0.0339477594"), d("305529834758.60")));
    }

    @Test
    void zeroRateDiscountsNothing() {
        IncomeDcfInput input = new IncomeDcfInput(d("0"), Examples.ds("100.005", "200"));

        DiscountedCashFlowResult result = dcf.value(input, TrlRisk.NONE);

        assertThat(result.value()).isEqualTo(d("300.01"));
        assertThat(result.breakdown().get(0).discountFactor()).isEqualTo(d("1.0000000000"));
    }
}
