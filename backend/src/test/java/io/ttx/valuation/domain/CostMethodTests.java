package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CostMethodTests {

    @Test
    void reproducesWorkedExampleToTheFen() {
        CostResult result = new CostMethod().value(Examples.cost());

        // RC = 1,700,000 x 1.15 = 1,955,000; V = 1,955,000 x 7 x 0.90 x 0.95 / 11 = 11,700,675 / 11
        assertThat(result.method()).isEqualTo(ValuationMethod.COST);
        assertThat(result.replacementCost()).isEqualTo(d("1955000.00"));
        assertThat(result.remainingLifeFactor()).isEqualTo(d("0.6363636364"));
        assertThat(result.value()).isEqualTo(d("1063697.73"));
        assertThat(result.low()).isEqualTo(d("957327.95"));
        assertThat(result.high()).isEqualTo(d("1170067.50"));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void fullyElapsedObsolescenceFreeCostIsTheReplacementCost() {
        CostInput input = new CostInput(Examples.costItems(), d("0"), 0, 1, d("0"), d("0"));

        assertThat(new CostMethod().value(input).value()).isEqualTo(d("1700000.00"));
    }
}
