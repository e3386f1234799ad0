package io.ttx.valuation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the rules over generated inputs (jqwik), all with non-negative cash flows. */
class ValuationPropertiesTests {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

    @Property
    void dcfValueFallsAsTheRateRises(@ForAll("flows") List<BigDecimal> flows, @ForAll("rate") BigDecimal a,
            @ForAll("rate") BigDecimal b) {
        BigDecimal lower = a.min(b);
        BigDecimal higher = a.max(b);
        IncomeDcf dcf = new IncomeDcf();

        BigDecimal atLower = dcf.value(new IncomeDcfInput(lower, flows), TrlRisk.NONE).value();
        BigDecimal atHigher = dcf.value(new IncomeDcfInput(higher, flows), TrlRisk.NONE).value();

        assertThat(atHigher).isLessThanOrEqualTo(atLower);
        boolean somePositive = flows.stream().anyMatch(f -> f.signum() > 0);
        if (somePositive && lower.compareTo(higher) < 0) {
            assertThat(Discounting.presentValue(flows, higher)).isLessThan(Discounting.presentValue(flows, lower));
        }
    }

    @Property
    void rnpvNeverExceedsDcf(@ForAll("flowsWithProbabilities") List<List<BigDecimal>> input,
            @ForAll("rate") BigDecimal rate) {
        List<BigDecimal> flows = input.get(0);
        RnpvInput rnpv = new RnpvInput(rate, flows, input.get(1));

        assertThat(new Rnpv().value(rnpv).value())
                .isLessThanOrEqualTo(new IncomeDcf().value(new IncomeDcfInput(rate, flows), TrlRisk.NONE).value());
    }

    @Property
    void reliefFromRoyaltyScalesLinearlyWithTheRoyaltyRate(@ForAll("flows") List<BigDecimal> revenues,
            @ForAll("rate") BigDecimal rate, @ForAll("fraction") BigDecimal tax, @ForAll("fraction") BigDecimal royalty,
            @ForAll("scale") BigDecimal k) {
        ReliefFromRoyalty relief = new ReliefFromRoyalty();

        BigDecimal scaled = relief.value(new ReliefFromRoyaltyInput(rate, tax, revenues, k.multiply(royalty), null,
                null, null), TrlRisk.NONE, false).value();
        BigDecimal base = relief.value(new ReliefFromRoyaltyInput(rate, tax, revenues, royalty, null, null, null),
                TrlRisk.NONE, false).value();

        BigDecimal tolerance = new BigDecimal("0.01").multiply(BigDecimal.valueOf(revenues.size()));
        assertThat(scaled.subtract(k.multiply(base)).abs()).isLessThanOrEqualTo(tolerance);
    }

    @Property(tries = 30)
    void monteCarloIsIdenticalForTheSameSeedAlsoInParallel(@ForAll long seed,
            @ForAll @IntRange(min = 1_000, max = 20_000) int paths, @ForAll("volatility") BigDecimal sigma) {
        RealOptionInput input = new RealOptionInput(new BigDecimal("1000000"), new BigDecimal("1200000"),
                new BigDecimal("2.5"), sigma, new BigDecimal("0.03"), new MonteCarloSpec(paths, seed));

        RealOptionResult first = new RealOption(false).value(input);

        assertThat(new RealOption(false).value(input)).isEqualTo(first);
        assertThat(new RealOption(true).value(input)).isEqualTo(first);
    }

    @Example
    void monteCarloMeanWithSeedSevenIsWithinOneAndAHalfPercentOfBlackScholes() {
        RealOptionResult result = new RealOption(true).value(Examples.realOption(new MonteCarloSpec(100_000, 7)));

        assertThat(result.monteCarlo()).isNotNull();
        assertThat(result.monteCarlo().mean()).isCloseTo(new BigDecimal("104505.84"), withinPercentage(1.5));
    }

    @Provide
    Arbitrary<BigDecimal> rate() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(5)).ofScale(4);
    }

    @Provide
    Arbitrary<BigDecimal> fraction() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4);
    }

    @Provide
    Arbitrary<BigDecimal> scale() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), BigDecimal.ONE).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> volatility() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), BigDecimal.valueOf(2)).ofScale(2);
    }

    @Provide
    Arbitrary<List<BigDecimal>> flows() {
        return amounts().list().ofMinSize(1).ofMaxSize(50);
    }

    @Provide
    Arbitrary<List<List<BigDecimal>>> flowsWithProbabilities() {
        return flows().flatMap(flows -> fraction().list().ofSize(flows.size())
                .map(ps -> ps.stream().sorted(Comparator.reverseOrder()).toList())
                .map(ps -> List.of(flows, ps)));
    }

    private static Arbitrary<BigDecimal> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, MAX_AMOUNT).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000")).ofScale(2),
                Arbitraries.just(BigDecimal.ZERO));
    }
}
