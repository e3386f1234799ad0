package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RnpvTests {

    @Test
    void reproducesWorkedExampleToTheFen() {
        DiscountedCashFlowResult result = new Rnpv().value(Examples.rnpv());

        assertThat(result.method()).isEqualTo(ValuationMethod.RNPV);
        assertThat(result.value()).isEqualTo(d("974039.28"));
        assertThat(result.low()).isEqualTo(d("787091.68"));
        assertThat(result.high()).isEqualTo(d("1182795.67"));
        assertThat(result.effectiveRate()).isEqualByComparingTo("0.10");
        assertThat(result.successProbability()).isNull();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.breakdown()).containsExactly(
                new BreakdownRow(1, d("-2000000.00"), d("0.9090909091"), d("-1818181.82")),
                new BreakdownRow(2, d("-600000.00"), d("0.8264462810"), d("-495867.77")),
                new BreakdownRow(3, d("1050000.00"), d("0.7513148009"), d("788880.54")),
                new BreakdownRow(4, d("1750000.00"), d("0.6830134554"), d("1195273.55")),
                new BreakdownRow(5, d("2100000.00"), d("0.6209213231"), d("1303934.78")));
    }
}
