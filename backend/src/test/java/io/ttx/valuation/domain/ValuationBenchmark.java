package io.ttx.valuation.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Times valuations with a 100,000-path Monte Carlo through {@link ValuationEngine} (run by scripts/bench/valuation.sh,
 * not a test): the real option alone and all six worked examples together, Monte Carlo payoffs sequential and
 * parallel, each after a warm-up; prints p50, p99, mean and max in milliseconds. Each run uses another seed.
 *   ValuationBenchmark [runs=200] [warmup=50] [paths=100000]
 */
public final class ValuationBenchmark {
    private ValuationBenchmark() { }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int paths = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d paths, %d runs after %d warm-up runs%n",
            Runtime.version(), Runtime.getRuntime().availableProcessors(), paths, runs, warmup);
        System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s %9s%n", "case", "p50_ms", "p99_ms", "mean_ms", "max_ms");
        double checksum = 0;
        for (boolean parallel : new boolean[] {false, true}) {
            ValuationEngine engine = new ValuationEngine(new ValuationSettings(TrlBands.defaults(), OpenLicenceCaps.defaults(),
                Map.of(), parallel));
            String mode = parallel ? "parallel" : "sequential";
            checksum += time("realOption, MC " + mode, engine, runs, warmup,
                seed -> ValuationRequest.builder(5).realOption(Examples.realOption(new MonteCarloSpec(paths, seed))).build());
            checksum += time("all six methods, MC " + mode, engine, runs, warmup,
                seed -> Examples.allMethods(5).realOption(Examples.realOption(new MonteCarloSpec(paths, seed))).build());
        }
        System.out.printf(Locale.ROOT, "checksum %.2f%n", checksum);
    }

    private interface Requests {
        ValuationRequest of(long seed);
    }

    private static double time(String name, ValuationEngine engine, int runs, int warmup, Requests requests) {
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += mean(engine.evaluate(requests.of(1_000_000L + i)));
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            ValuationRequest request = requests.of(i);
            long start = System.nanoTime();
            ValuationResult result = engine.evaluate(request);
            nanos[i] = System.nanoTime() - start;
            sink += mean(result);
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-34s %9.1f %9.1f %9.1f %9.1f%n", name, ms(rank(nanos, 50)), ms(rank(nanos, 99)),
            mean / 1e6, ms(nanos[nanos.length - 1]));
        return sink;
    }

    private static double mean(ValuationResult result) {
        RealOptionResult r = (RealOptionResult) result.methods().get(ValuationMethod.REAL_OPTION);
        return r.monteCarlo() == null ? 0 : r.monteCarlo().mean().doubleValue();
    }

    /** Nearest rank, as the domain's percentiles. */
    private static long rank(long[] sorted, int percent) {
        int r = (int) (((long) percent * sorted.length + 99) / 100);
        return sorted[Math.max(r, 1) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
