package io.ttx.valuation.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Real option (option to invest X in a project worth S): the value is the Black-Scholes call, computed in double and
 * reported via {@code BigDecimal.valueOf(d)} rounded half-up to the fen. The Monte Carlo cross-check draws path i's Z
 * as the i-th {@code nextGaussian()} of {@code new SplittableRandom(seed)}, sequentially, so the draws never depend on
 * threads; payoffs may then be computed in parallel, and the mean is summed over the sorted payoffs so the result is
 * bit-identical whatever the parallelism.
 */
public final class RealOption {

    /** Number of bars of the payoff histogram. */
    public static final int HISTOGRAM_BUCKETS = 20;
    static final double LOW_VOLATILITY = 0.75;
    static final double HIGH_VOLATILITY = 1.25;

    private final boolean parallelPaths;

    /** Sequential payoffs: the safe default on a request thread. */
    public RealOption() {
        this(false);
    }

    public RealOption(boolean parallelPaths) {
        this.parallelPaths = parallelPaths;
    }

    public RealOptionResult value(RealOptionInput input) {
        double s = input.underlyingValue().doubleValue();
        double x = input.investment().doubleValue();
        double t = input.years().doubleValue();
        double sigma = input.volatility().doubleValue();
        double r = input.riskFreeRate().doubleValue();
        double value = BlackScholes.call(s, x, t, r, sigma);
        double atLow = BlackScholes.call(s, x, t, r, LOW_VOLATILITY * sigma);
        double atHigh = BlackScholes.call(s, x, t, r, HIGH_VOLATILITY * sigma);
        MonteCarloSpec spec = input.monteCarlo();
        MonteCarloResult monteCarlo = spec == null ? null : monteCarlo(s, x, t, r, sigma, spec);
        return new RealOptionResult(Decimals.fen(value), Decimals.fen(Math.min(atLow, atHigh)),
                Decimals.fen(Math.max(atLow, atHigh)), Decimals.fen(value), monteCarlo, List.of());
    }

    MonteCarloResult monteCarlo(double s, double x, double t, double r, double sigma, MonteCarloSpec spec) {
        int n = spec.paths();
        double[] paths = new double[n];
        SplittableRandom random = new SplittableRandom(spec.seed());
        for (int i = 0; i < n; i++) {
            paths[i] = random.nextGaussian();
        }
        double drift = -sigma * sigma * t / 2.0;
        double diffusion = sigma * StrictMath.sqrt(t);
        double discountedInvestment = x * StrictMath.exp(-r * t);
        IntStream indices = parallelPaths ? IntStream.range(0, n).parallel() : IntStream.range(0, n);
        indices.forEach(i -> paths[i] = Math.max(s * StrictMath.exp(drift + diffusion * paths[i])
                - discountedInvestment, 0.0));
        Arrays.sort(paths);
        double sum = 0.0;
        for (double payoff : paths) {
            sum += payoff;
        }
        return new MonteCarloResult(n, spec.seed(), Decimals.fen(sum / n), Decimals.fen(percentile(paths, 10)),
                Decimals.fen(percentile(paths, 50)), Decimals.fen(percentile(paths, 90)),
                histogram(paths, HISTOGRAM_BUCKETS));
    }

    /**
     * Equal-width buckets from sorted[0] to p99; bucket i holds [lo + i w, lo + (i + 1) w), the last one everything
     * from its lower edge up to the largest payoff. With all payoffs equal, bucket 0 holds them all.
     */
    static List<HistogramBucket> histogram(double[] sorted, int buckets) {
        double lo = sorted[0];
        double hi = percentile(sorted, 99);
        double width = (hi - lo) / buckets;
        long[] counts = new long[buckets];
        for (double payoff : sorted) {
            int i = width > 0 ? (int) ((payoff - lo) / width) : 0;
            counts[Math.min(Math.max(i, 0), buckets - 1)]++;
        }
        List<HistogramBucket> out = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            double to = i == buckets - 1 ? sorted[sorted.length - 1] : lo + (i + 1) * width;
            out.add(new HistogramBucket(Decimals.fen(lo + i * width), Decimals.fen(to), counts[i]));
        }
        return out;
    }

    /** Nearest rank: sorted[ceil(q n) - 1] with q = percent / 100, the ceiling taken in exact integer arithmetic. */
    static double percentile(double[] sorted, int percent) {
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) Math.max(rank, 1) - 1];
    }
}
