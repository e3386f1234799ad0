package io.ttx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds of the backend, the dev stack and this JVM, and of the whole machine, at one moment, read from /proc
 * (all threads of a process; the same method for every window, so windows compare). Differences of two readings are
 * what a window used. The JIT compiler threads' part of the backend's and the dev stack's CPU is read too (threads
 * named "C1/C2 CompilerThread"): a JVM still compiling spends CPU that a warm one does not, and the report shows it.
 */
record Cpu(double backendS, double stackS, double selfS, double machineBusyS, double machineTotalS, double backendJitS, double stackJitS) {
    static Cpu now(long backendPid, long stackPid) {
        double[] machine = machine();
        return new Cpu(process(backendPid), process(stackPid), process(ProcessHandle.current().pid()), machine[0], machine[1],
            compilers(backendPid), compilers(stackPid));
    }

    Cpu minus(Cpu o) {
        return new Cpu(backendS - o.backendS, stackS - o.stackS, selfS - o.selfS, machineBusyS - o.machineBusyS, machineTotalS - o.machineTotalS,
            backendJitS - o.backendJitS, stackJitS - o.stackJitS);
    }

    double busyShare() {
        return machineTotalS <= 0 ? Double.NaN : machineBusyS / machineTotalS;
    }

    /** The machine's busy share left after these three processes: other builds and tests on a shared machine. */
    double otherShare() {
        return machineTotalS <= 0 ? Double.NaN : Math.max(0, machineBusyS - backendS - stackS - selfS) / machineTotalS;
    }

    private static double process(long pid) {
        return pid <= 0 ? 0 : seconds(Path.of("/proc/" + pid + "/stat"));
    }

    /** CPU seconds of the JIT compiler threads of {@code pid} that are alive now (HotSpot keeps them once started). */
    private static double compilers(long pid) {
        if (pid <= 0) return 0;
        double sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) sum += seconds(task.resolve("stat"));
                } catch (IOException e) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return sum;
    }

    private static double seconds(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) / 100.0, total / 100.0};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }

    /**
     * What the backend and the dev stack use with no request at all (outbox relay and expiry polls, Elasticsearch
     * housekeeping), as CPU seconds per wall second, so that a window's figures can leave it out.
     */
    record Idle(double backendPerS, double stackPerS, Cpu sample) {
        static Idle of(Cpu sample) {
            double wallS = sample.machineTotalS / Math.max(1, Runtime.getRuntime().availableProcessors());
            return new Idle(sample.backendS / wallS, sample.stackS / wallS, sample);
        }
    }
}
