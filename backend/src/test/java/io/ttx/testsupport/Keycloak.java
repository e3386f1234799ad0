package io.ttx.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak for the tests: the Maven Central distribution the build unpacks into {@code target/keycloak}, built
 * once for the dev-file database ({@code kc.sh build}), started with realm {@code ttx} imported from
 * infra/keycloak/realm-ttx.json. Its port is fixed when the class loads, so the shared context can trust its issuer
 * before it runs; it starts once per test JVM, on demand (like {@link SecondPlatform}), and stops at JVM exit.
 * <p>
 * Each test JVM gets a home of its own under target/it-stack (its own {@code bin/kc.sh}, database, import folder and
 * transaction log; the distribution's {@code lib}, {@code conf}, ... linked), so runs in the same checkout never share
 * a database. A small shell wrapper stops Keycloak with SIGTERM when its stdin, a pipe from this JVM, closes: a test
 * JVM that dies without running its hooks leaves no Keycloak behind.
 */
public final class Keycloak {
    /** The master realm's bootstrap administrator of this test Keycloak (loopback only, gone with the JVM). */
    static final String ADMIN = "ttx-it-admin";
    static final String ADMIN_PASSWORD = "ttx-it-admin-secret";
    private static final String BUILD_OPTIONS = "--db=dev-file";
    private static final int PORT = TestStack.freePort();
    private static final Duration READY_WITHIN = Duration.ofSeconds(240);
    // kc.sh runs Java as a child; TERM (Process.destroy) or the end of stdin is passed on to it as SIGTERM
    private static final String WATCHDOG = """
        exec 3<&0
        "$@" </dev/null &
        kc=$!
        trap 'kill -TERM $kc 2>/dev/null' TERM INT
        { cat <&3 >/dev/null; kill -TERM $kc 2>/dev/null; } &
        wait $kc
        wait $kc
        """;

    private static Process process;

    private Keycloak() { }

    public static String url() {
        return "http://127.0.0.1:" + PORT;
    }

    /** The issuer of realm {@code ttx}: what its tokens name in {@code iss}. */
    public static String issuer() {
        return url() + "/realms/ttx";
    }

    public static synchronized void start() {
        if (process != null) return;
        Path dist = Path.of(System.getProperty("keycloak.home", "target/keycloak")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dist.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + dist + " (the backend build unpacks it: mvn -pl backend pre-integration-test)");
        }
        try {
            Path work = Files.createDirectories(Path.of("target", "it-stack")).toAbsolutePath();
            buildOnce(dist, work.resolve("keycloak-build.log"));
            long t0 = System.nanoTime();
            Path home = instanceHome(dist, work.resolve("keycloak-" + ProcessHandle.current().pid()));
            Path log = work.resolve("keycloak.log");
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", WATCHDOG, "keycloak", "sh", home.resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--http-enabled=true", "--http-host=127.0.0.1", "--hostname=" + url(), "--http-port=" + PORT,
                // the management interface defaults to port 9000, the dev stack's S3 port
                "--http-management-port=" + TestStack.freePort(), "--cache=local", "--import-realm")
                .redirectErrorStream(true).redirectOutput(log.toFile());
            environment(pb.environment());
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Process started = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, home), "keycloak-stop"));
            try {
                awaitReady(started, log);
            } catch (RuntimeException e) {
                started.destroy(); // a later start() tries again from scratch
                throw e;
            }
            process = started;
            // the start time (launch to realm ready) is a figure the docs quote: print it in the test output
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            System.out.println("Keycloak ready at " + issuer() + " in " + ms + " ms (log: " + log + ")");
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start", e);
        }
    }

    /** Keycloak needs a JDK 21+ (this JVM's), and starts in about half the time with C1 only. */
    private static void environment(Map<String, String> env) {
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
    }

    /** {@code kc.sh build} once per unpacked distribution (about a minute); concurrent test JVMs wait for each other. */
    private static void buildOnce(Path dist, Path log) throws IOException {
        Path marker = dist.resolve(".ttx-built");
        try (FileChannel lock = FileChannel.open(dist.resolve(".ttx-build.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lock.lock()) {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) return;
            long t0 = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder("sh", dist.resolve("bin/kc.sh").toString(), "build", BUILD_OPTIONS)
                .redirectErrorStream(true).redirectOutput(log.toFile());
            environment(pb.environment());
            Process build = pb.start();
            if (!build.waitFor(5, TimeUnit.MINUTES)) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build did not finish within 5 minutes, see " + log);
            }
            if (build.exitValue() != 0) throw new IllegalStateException("kc.sh build failed (" + build.exitValue() + "), see " + log);
            Files.writeString(marker, BUILD_OPTIONS);
            System.out.println("Keycloak built for " + BUILD_OPTIONS + " in " + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh home: kc.sh copied (it takes its home from its own path), the distribution's folders linked. */
    private static Path instanceHome(Path dist, Path home) throws IOException {
        deleteTree(home);
        Files.createDirectories(home.resolve("bin"));
        Files.copy(dist.resolve("bin/kc.sh"), home.resolve("bin/kc.sh"));
        for (String shared : List.of("lib", "conf", "providers", "themes")) {
            Files.createSymbolicLink(home.resolve(shared), dist.resolve(shared));
        }
        Path realm = Path.of(System.getProperty("keycloak.realm", "../infra/keycloak/realm-ttx.json")).toAbsolutePath().normalize();
        Files.copy(realm, Files.createDirectories(home.resolve("data/import")).resolve("realm-ttx.json"), StandardCopyOption.REPLACE_EXISTING);
        return home;
    }

    /** Polls the realm's discovery document: it answers once the server listens and the realm is imported. */
    private static void awaitReady(Process started, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!started.isAlive()) throw new IllegalStateException("Keycloak exited with " + started.exitValue() + ", see " + log);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready after " + READY_WITHIN.toSeconds() + " s, see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void stop(Process keycloak, Path home) {
        keycloak.destroy(); // SIGTERM to the wrapper, passed on to kc.sh
        try {
            if (!keycloak.waitFor(30, TimeUnit.SECONDS)) keycloak.destroyForcibly();
            deleteTree(home);
        } catch (InterruptedException | IOException e) {
            keycloak.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) { // symbolic links are not followed: only the links go
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
