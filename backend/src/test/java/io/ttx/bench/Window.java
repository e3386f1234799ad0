package io.ttx.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One measured window of one side at one client count: the latencies of the requests that started and ended inside
 * it (sorted) and what each process spent on CPU meanwhile. {@code round} counts the windows of a side at a level
 * from 1; 0 marks an extra window that is not compared (one with a profiler attached).
 */
record Window(Side side, int clients, int round, int requests, int errors, double seconds, long[] sortedNanos, Cpu cpu) {

    enum Side {
        ES("Elasticsearch direct"), API("search API");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    double throughput() {
        return requests / seconds;
    }

    double percentileMs(double p) {
        if (sortedNanos.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }

    /** ms of dev stack CPU per request, net of its idle use over the window. */
    double stackMsPerRequest(Cpu.Idle idle) {
        return requests == 0 ? Double.NaN : Math.max(0, cpu.stackS() - idle.stackPerS() * seconds) * 1000 / requests;
    }

    /** ms of backend CPU per request, net of its idle use over the window. */
    double backendMsPerRequest(Cpu.Idle idle) {
        return requests == 0 ? Double.NaN : Math.max(0, cpu.backendS() - idle.backendPerS() * seconds) * 1000 / requests;
    }

    /** ms of the backend's JIT compiler threads per request (part of {@link #backendMsPerRequest}; near 0 once warm). */
    double backendJitMsPerRequest() {
        return requests == 0 ? Double.NaN : cpu.backendJitS() * 1000 / requests;
    }

    /** ms of the dev stack's JIT compiler threads per request (part of {@link #stackMsPerRequest}). */
    double stackJitMsPerRequest() {
        return requests == 0 ? Double.NaN : cpu.stackJitS() * 1000 / requests;
    }

    /** The backend's JIT compilers' share of its CPU in this window (what the warm-up waits to fall). */
    double backendJitShare() {
        return cpu.backendS() <= 0 ? 0 : cpu.backendJitS() / cpu.backendS();
    }

    /** The dev stack's JIT compilers' share of its CPU in this window. */
    double stackJitShare() {
        return cpu.stackS() <= 0 ? 0 : cpu.stackJitS() / cpu.stackS();
    }

    double driverMsPerRequest() {
        return requests == 0 ? Double.NaN : cpu.selfS() * 1000 / requests;
    }

    /**
     * {@code clients} threads each send one request after another (closed loop, no think time) for {@code warmupS}
     * unmeasured and then {@code measureS} measured seconds. Requests that started and ended inside the measured part
     * count; throughput is their number over its length. Errors count when they overlapped it (a timeout included).
     * CPU is read at its start and end.
     */
    static Window drive(Side side, int clients, int round, HttpClient http, int warmupS, int measureS, IntFunction<HttpRequest> requests,
                        long backendPid, long stackPid) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupS * 1_000_000_000L;
        long measureTo = measureFrom + measureS * 1_000_000_000L;
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicInteger errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            latencies[me] = new long[4096];
            threads.add(Thread.ofPlatform().name("client-" + c).start(() -> {
                int i = me * 7; // clients start at different queries of the cycle
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= measureTo) return;
                    int status;
                    try {
                        status = http.send(requests.apply(i++), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        return;
                    }
                    long t1 = System.nanoTime();
                    // a failure counts when it overlapped the measured part: a request left unanswered until its
                    // timeout (longer than a window) would otherwise only show as a client missing from the rate
                    if (status != 200 && t1 >= measureFrom && t0 <= measureTo) errors.incrementAndGet();
                    if (t0 >= measureFrom && t1 <= measureTo) {
                        if (counts[me] == latencies[me].length) latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
                        latencies[me][counts[me]++] = t1 - t0;
                    }
                }
            }));
        }
        sleepUntil(measureFrom);
        Cpu before = Cpu.now(backendPid, stackPid);
        sleepUntil(measureTo);
        Cpu after = Cpu.now(backendPid, stackPid);
        for (Thread t : threads) t.join();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        return new Window(side, clients, round, total, errors.get(), (measureTo - measureFrom) / 1e9, all, after.minus(before));
    }

    /** Waits for a moment of the window's own clock (its timing, not a wait for another process). */
    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) Thread.sleep(Math.max(1, left / 1_000_000));
    }

    /** Median and range of one figure over the compared windows of a side. */
    record Spread(double median, double min, double max) {
        static Spread of(List<Window> windows, java.util.function.ToDoubleFunction<Window> figure) {
            double[] v = windows.stream().mapToDouble(figure).sorted().toArray();
            if (v.length == 0) return new Spread(Double.NaN, Double.NaN, Double.NaN);
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            return new Spread(median, v[0], v[v.length - 1]);
        }

        /** e.g. {@code 21.3 (20.1-22.0)}: the median, then the lowest and highest window. */
        String format(String number) {
            return String.format(java.util.Locale.ROOT, number + " (" + number + "-" + number + ")", median, min, max);
        }
    }
}
