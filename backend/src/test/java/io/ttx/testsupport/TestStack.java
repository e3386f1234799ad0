package io.ttx.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real servers the integration tests run against, one set per test JVM: the dev stack (Elasticsearch, MongoDB
 * wire server, S3Proxy) and the dev IdP, as child processes on free loopback ports. They are stopped from a shutdown
 * hook and, should this JVM die without running hooks, stop themselves when their stdin (a pipe from us) closes.
 * The backend reaches each store through a {@link TcpProxy}, so a test can cut one engine while the others stay up.
 * <p>
 * {@code -Ddevstack.external=true} uses servers that are already running instead (see docs/architecture.md):
 * {@code devstack.es}, {@code devstack.mongo}, {@code devstack.s3}, {@code devidp.url}, {@code devidp.key-file}.
 */
public final class TestStack {
    public record Endpoints(String es, String mongo, String s3, String s3AccessKey, String s3SecretKey, String idp, Path idpKeyFile) { }

    private static Endpoints endpoints;
    private static final List<Process> children = new ArrayList<>();
    private static final Map<String, TcpProxy> proxies = new HashMap<>();
    private static Path workDir;

    private TestStack() { }

    public static synchronized Endpoints get() {
        if (endpoints == null) endpoints = Boolean.getBoolean("devstack.external") ? external() : startChildren();
        return endpoints;
    }

    /** The loopback proxy in front of a store: "mongo", "es" or "s3". */
    public static synchronized TcpProxy proxy(String store) {
        get();
        return proxies.computeIfAbsent(store, s -> {
            String target = switch (s) {
                case "mongo" -> endpoints.mongo();
                case "es" -> endpoints.es();
                case "s3" -> endpoints.s3();
                default -> throw new IllegalArgumentException(s);
            };
            return TcpProxy.start(hostPort(target));
        });
    }

    /** The URL of a store as the backend should see it: through its proxy. */
    public static String viaProxy(String store, String scheme) {
        return scheme + "://127.0.0.1:" + proxy(store).port();
    }

    private static Endpoints external() {
        return new Endpoints(System.getProperty("devstack.es", "http://127.0.0.1:9200"),
            System.getProperty("devstack.mongo", "mongodb://127.0.0.1:27017"), System.getProperty("devstack.s3", "http://127.0.0.1:9000"),
            System.getProperty("devstack.s3-access-key", "ttx-dev"), System.getProperty("devstack.s3-secret-key", "ttx-dev-secret"),
            System.getProperty("devidp.url", "http://127.0.0.1:9100"), Path.of(System.getProperty("devidp.key-file", ".ttx-data/idp/signing-key.json")));
    }

    private static Endpoints startChildren() {
        try {
            workDir = Files.createDirectories(Path.of("target", "it-stack")).toAbsolutePath();
            Runtime.getRuntime().addShutdownHook(new Thread(TestStack::stopAll, "it-stack-stop"));
            CompletableFuture<Map<String, String>> devstack = CompletableFuture.supplyAsync(TestStack::startDevStack);
            CompletableFuture<Endpoints> all = CompletableFuture.supplyAsync(TestStack::startIdp)
                .thenCombine(devstack, (idp, ds) -> new Endpoints(ds.get("es"), ds.get("mongo"), ds.get("s3"),
                    ds.get("s3AccessKey"), ds.get("s3SecretKey"), idp, workDir.resolve("idp-key.json")));
            return all.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            stopAll();
            throw new IllegalStateException("the integration-test stack did not start (logs in target/it-stack)", e);
        }
    }

    private static Map<String, String> startDevStack() {
        Path home = Path.of(System.getProperty("devstack.home", "../infra/devstack/target/devstack-dist")).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("lib"))) throw new IllegalStateException("no dev stack at " + home + " (mvn -pl infra/devstack package)");
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xms256m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"));
        if (Runtime.version().feature() >= 23) cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.addAll(List.of("-cp", home.resolve("lib") + "/*", "io.ttx.devstack.DevStack",
            "--es-port=" + freePort(), "--es-transport-port=" + freePort(), "--mongo-port=" + freePort(), "--s3-port=" + freePort(),
            "--s3-data=" + workDir.resolve("s3-" + ProcessHandle.current().pid()), "--exit-on-stdin-eof"));
        String line = launch(cmd, workDir.resolve("devstack.log"), l -> l.startsWith("READY "), "FAILED ");
        Map<String, String> kv = new HashMap<>();
        for (String part : line.substring(6).split(" ")) {
            int i = part.indexOf('=');
            if (i > 0) kv.put(part.substring(0, i), part.substring(i + 1));
        }
        return kv;
    }

    private static String startIdp() {
        Path jar = Path.of(System.getProperty("devidp.jar", "../infra/dev-idp/target/dev-idp-0.1.0-SNAPSHOT.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no dev IdP jar at " + jar + " (mvn -pl infra/dev-idp package)");
        int port = freePort();
        launch(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
            "--server.port=" + port, "--ttx.idp.key-file=" + workDir.resolve("idp-key.json"), "--ttx.idp.exit-on-stdin-eof=true"),
            workDir.resolve("dev-idp.log"), l -> l.contains("IDP READY"), "APPLICATION FAILED TO START");
        return "http://127.0.0.1:" + port;
    }

    /** Starts a child writing to a log file (never a pipe nobody reads) and polls the log for its ready line. */
    static String launch(List<String> cmd, Path log, java.util.function.Predicate<String> ready, String failure) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            synchronized (children) {
                children.add(p);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (true) {
                String written = Files.readString(log, StandardCharsets.UTF_8);
                // complete lines only: a READY line read while it is being written would lack its last endpoints
                for (String line : written.substring(0, written.lastIndexOf('\n') + 1).lines().toList()) {
                    if (ready.test(line)) return line;
                    if (line.contains(failure)) throw new IllegalStateException(line + " (see " + log + ")");
                }
                if (!p.isAlive()) throw new IllegalStateException("exited with " + p.exitValue() + ", see " + log);
                if (System.nanoTime() > deadline) throw new IllegalStateException("not ready after 150 s, see " + log);
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stopAll() {
        proxies.values().forEach(TcpProxy::close);
        synchronized (children) {
            for (Process p : children) p.destroy(); // SIGTERM: clean shutdown
            for (Process p : children) {
                try {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            }
            children.clear();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.net.InetSocketAddress hostPort(String url) {
        java.net.URI u = java.net.URI.create(url);
        return new java.net.InetSocketAddress(u.getHost(), u.getPort());
    }
}
