package io.ttx.testsupport;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The backend's own jar ({@code ttx.jar}, passed by failsafe) in a process of its own, as a container runs it: the
 * environment holds only {@code PATH}, {@code JAVA_HOME} and the given variables, nothing of the test JVM's. Output
 * goes to a log file under target/it-stack (never a pipe nobody reads).
 */
public final class BackendProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private BackendProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The command that runs the backend's jar with a small heap and quick start, then {@code args}. */
    static List<String> command(List<String> args) {
        Path jar = Path.of(System.getProperty("ttx.jar", "target/backend-0.1.0-SNAPSHOT.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no backend jar at " + jar + " (mvn -pl backend package)");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx384m",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        cmd.addAll(args);
        return cmd;
    }

    public static BackendProcess start(String name, Map<String, String> environment, String... args) {
        String javaHome = System.getProperty("java.home");
        List<String> cmd = command(List.of(args));
        try {
            Path log = Files.createDirectories(Path.of("target", "it-stack")).resolve(name + ".log").toAbsolutePath();
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            pb.environment().put("JAVA_HOME", javaHome);
            pb.environment().putAll(environment);
            return new BackendProcess(pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code, or null when the process still runs after {@code timeout}. */
    public @Nullable Integer exitWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Waits until a log line contains {@code text}; fails when the process exits first or after {@code timeout}. */
    public void awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines().stream().noneMatch(l -> l.contains(text))) {
            if (!process.isAlive()) throw new IllegalStateException("exited with " + process.exitValue() + ", see " + log);
            if (System.nanoTime() > deadline) throw new IllegalStateException("no line with " + text + " after " + timeout + ", see " + log);
            Thread.sleep(100);
        }
    }

    /** {@code kill -9}: the process ends at once, without a shutdown of any kind (its leases stay until they expire). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM (a graceful shutdown), then a kill if it has not ended after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
