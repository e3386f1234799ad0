package io.ttx.valuation.domain;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class RealOptionTests {

    @Test
    void blackScholesOfTheWorkedExampleIs104505Point84() {
        RealOptionResult result = new RealOption().value(Examples.realOption(null));

        // mpmath at 60 digits: 104505.83572185566781...; low/high at s = 0.15 / 0.25
        assertThat(result.method()).isEqualTo(ValuationMethod.REAL_OPTION);
        assertThat(result.value()).isEqualTo(d("104505.84"));
        assertThat(result.blackScholes()).isEqualTo(d("104505.84"));
        assertThat(result.low()).isEqualTo(d("85916.58"));
        assertThat(result.high()).isEqualTo(d("123359.99"));
        assertThat(result.monteCarlo()).isNull();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void normalCdfIsAccurate() {
        assertThat(BlackScholes.normalCdf(0.0)).isEqualTo(0.5);
        // Phi(1.96) = 0.9750021048517795 (mpmath)
        assertThat(BlackScholes.normalCdf(1.96)).isCloseTo(0.9750021048517795, offset(1e-15));
        assertThat(BlackScholes.normalCdf(-3.0)).isCloseTo(0.0013498980316300946, offset(1e-17));
    }

    @Test
    void monteCarloReportsPathsSeedAndOrderedPercentiles() {
        RealOptionResult result = new RealOption().value(Examples.realOption(new MonteCarloSpec(100_000, 7)));

        MonteCarloResult mc = result.monteCarlo();
        assertThat(mc).isNotNull();
        assertThat(mc.paths()).isEqualTo(100_000);
        assertThat(mc.seed()).isEqualTo(7);
        assertThat(mc.p10()).isLessThanOrEqualTo(mc.p50());
        assertThat(mc.p50()).isLessThanOrEqualTo(mc.p90());
        assertThat(result.value()).isEqualTo(d("104505.84"));
    }

    @Test
    void monteCarloMeanWithSeedSevenIsWithinOneAndAHalfPercentOfBlackScholes() {
        MonteCarloResult mc = new RealOption().value(Examples.realOption(new MonteCarloSpec(100_000, 7))).monteCarlo();

        assertThat(mc).isNotNull();
        assertThat(mc.mean().doubleValue()).isCloseTo(104505.84, withinPercentage(1.5));
    }

    @Test
    void parallelAndSequentialPayoffsGiveIdenticalResults() {
        RealOptionInput input = Examples.realOption(new MonteCarloSpec(200_000, 42));

        assertThat(new RealOption(true).value(input)).isEqualTo(new RealOption(false).value(input));
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = new double[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertThat(RealOption.percentile(sorted, 10)).isEqualTo(100.0);
        assertThat(RealOption.percentile(sorted, 50)).isEqualTo(500.0);
        assertThat(RealOption.percentile(sorted, 90)).isEqualTo(900.0);
        double[] odd = new double[1001];
        for (int i = 0; i < odd.length; i++) {
            odd[i] = i + 1;
        }
        assertThat(RealOption.percentile(odd, 10)).isEqualTo(101.0);
        assertThat(RealOption.percentile(odd, 90)).isEqualTo(901.0);
    }
}
