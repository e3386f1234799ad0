package io.ttx.valuation.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;

class MonteCarloHistogramTests {

    @Test
    void twentyBucketsCountingEveryPathFromTheSmallestPayoff() {
        MonteCarloResult mc = new RealOption().value(Examples.realOption(new MonteCarloSpec(100_000, 7))).monteCarlo();

        assertThat(mc).isNotNull();
        List<HistogramBucket> h = mc.histogram();
        assertThat(h).hasSize(RealOption.HISTOGRAM_BUCKETS);
        assertThat(h.stream().mapToLong(HistogramBucket::count).sum()).isEqualTo(100_000);
        assertThat(h.getFirst().from()).isEqualTo(d("0.00"));
        for (int i = 1; i < h.size(); i++) {
            assertThat(h.get(i).from()).isEqualTo(h.get(i - 1).to());
        }
        // p10 is 0: at least 10 % of the paths fall in the first bucket
        assertThat(h.getFirst().count()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void bucketsAreEqualWidthUpToP99AndTheLastHoldsTheTail() {
        double[] sorted = new double[1000];
        for (int i = 0; i < sorted.length; i++) sorted[i] = i; // p99 = sorted[989] = 989, max 999
        List<HistogramBucket> h = RealOption.histogram(sorted, 20);

        assertThat(h.get(0).from()).isEqualTo(d("0.00"));
        assertThat(h.get(0).to()).isEqualTo(d("49.45"));
        assertThat(h.get(19).to()).isEqualTo(d("999.00"));
        assertThat(h.get(0).count()).isEqualTo(50); // 0..49
        assertThat(h.get(19).count()).isEqualTo(1000 - h.subList(0, 19).stream().mapToLong(HistogramBucket::count).sum());
        assertThat(h.stream().mapToLong(HistogramBucket::count).sum()).isEqualTo(1000);
    }

    @Test
    void allEqualPayoffsLandInTheFirstBucket() {
        List<HistogramBucket> h = RealOption.histogram(new double[] {0, 0, 0, 0}, 20);

        assertThat(h).hasSize(20);
        assertThat(h.getFirst().count()).isEqualTo(4);
        assertThat(h.stream().skip(1).mapToLong(HistogramBucket::count).sum()).isZero();
    }

    @Test
    void histogramIsTheSameSequentialOrParallel() {
        RealOptionInput input = Examples.realOption(new MonteCarloSpec(50_000, 3));

        assertThat(new RealOption(true).value(input).monteCarlo().histogram())
            .isEqualTo(new RealOption(false).value(input).monteCarlo().histogram());
    }
}
