package io.ttx.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.elasticsearch.node.Node;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One JVM, three real servers on loopback: an Elasticsearch 9 node, mongo-java-server and S3Proxy.
 * Prints exactly one line starting with {@code READY } (all endpoints) once every server answers its own protocol;
 * SIGTERM (or Ctrl-C) stops them cleanly and prints {@code STOPPED}. Options: see {@link DevStackConfig}.
 */
public final class DevStack implements AutoCloseable {

    private final DevStackConfig cfg;
    private final Path tmp;
    private volatile Node node;
    private volatile MongoServer mongo;
    private volatile S3Proxy s3;

    DevStack(DevStackConfig cfg) throws IOException {
        this.cfg = cfg;
        this.tmp = Files.createTempDirectory("ttx-devstack-");
    }

    public static void main(String[] args) throws Exception {
        // our shutdown hook closes the node, so log4j must not shut itself down first
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        System.setProperty("log4j.shutdownHookEnabled", "false");
        // mongo-java-server initialises Netty's processor count first; ES would then refuse to set it again
        System.setProperty("es.set.netty.runtime.available.processors", "false");
        long t0 = System.nanoTime();
        DevStackConfig cfg;
        try {
            cfg = DevStackConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(2);
            return;
        }
        DevStack stack = new DevStack(cfg);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        if (cfg.exitOnStdinEof()) watchStdin();
        try {
            stack.start();
        } catch (Throwable e) {
            System.out.println("FAILED " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "READY es=http://%s:%d mongo=mongodb://%s:%d s3=http://%s:%d s3AccessKey=%s"
                + " s3SecretKey=%s mongoStore=%s mode=%s startMs=%d rssMB=%d pid=%d%n",
            cfg.host(), cfg.esPort(), cfg.host(), cfg.mongoPort(), cfg.host(), cfg.s3Port(), cfg.s3AccessKey(),
            cfg.s3SecretKey(), cfg.mongoStore(), cfg.mode(), (System.nanoTime() - t0) / 1_000_000, rssKb() / 1024,
            ProcessHandle.current().pid());
        System.out.flush();
        stopped.await();
    }

    private static void watchStdin() {
        Thread w = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // nothing to read: EOF means the parent is gone
                }
            } catch (IOException ignored) {
                // treated as EOF
            }
            System.out.println("devstack: stdin closed (parent gone), exiting");
            System.exit(0);
        }, "devstack-stdin-watch");
        w.setDaemon(true);
        w.start();
    }

    void start() throws Exception {
        // ES takes seconds: start it in parallel with the two quick ones
        CompletableFuture<Node> es = new CompletableFuture<>();
        Thread.ofPlatform().name("devstack-es-start").start(() -> {
            try {
                es.complete(new ElasticsearchNode(cfg, tmp).start());
            } catch (Throwable t) {
                es.completeExceptionally(t);
            }
        });
        startMongo();
        startS3();
        node = es.get(180, TimeUnit.SECONDS);
        awaitAnswers(Duration.ofSeconds(60));
    }

    private void startMongo() throws IOException {
        MongoBackend backend;
        if (cfg.mongoStore().equals("h2")) {
            Path dir = Files.createDirectories(cfg.data() != null ? cfg.data() : tmp);
            backend = new H2Backend(dir.resolve("mongo.mv").toString());
        } else {
            backend = new MemoryBackend();
        }
        MongoServer server = new MongoServer(backend);
        server.enableOplog(); // change streams
        server.bind(cfg.host(), cfg.mongoPort());
        mongo = server;
    }

    private void startS3() throws Exception {
        Properties p = new Properties();
        String provider = "transient";
        Path dir = cfg.s3Data() != null ? cfg.s3Data() : cfg.data() != null ? cfg.data().resolve("s3") : null;
        if (dir != null) {
            provider = "filesystem";
            p.setProperty("jclouds.filesystem.basedir", Files.createDirectories(dir).toString());
        }
        S3Proxy proxy = S3Proxy.builder()
            .blobStore(BlobStores.create(provider, p))
            .endpoint(URI.create("http://" + cfg.host() + ":" + cfg.s3Port()))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, cfg.s3AccessKey(), cfg.s3SecretKey())
            .stopTimeout(0)
            .build();
        proxy.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            Thread.sleep(5);
        }
        s3 = proxy;
    }

    private void awaitAnswers(Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        boolean es = false, mg = false, s = false;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                es = es || Probes.elasticsearch(cfg.host(), cfg.esPort());
                mg = mg || Probes.mongo(cfg.host(), cfg.mongoPort());
                s = s || Probes.s3(cfg.host(), cfg.s3Port());
                if (es && mg && s) return;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not ready: es=" + es + " mongo=" + mg + " s3=" + s, last);
    }

    static long rssKb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        long t0 = System.nanoTime();
        if (s3 != null) try { s3.stop(); } catch (Exception e) { System.err.println("s3 stop: " + e); }
        if (mongo != null) try { mongo.shutdownNow(); } catch (Exception e) { System.err.println("mongo stop: " + e); }
        if (node != null) try {
            node.close();
            node.awaitClose(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("es stop: " + e);
        }
        s3 = null;
        mongo = null;
        node = null;
        try (Stream<Path> w = Files.walk(tmp)) {
            w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the temp folder is only scratch
        }
        System.out.println("STOPPED in " + (System.nanoTime() - t0) / 1_000_000 + " ms (" + ManagementFactory.getRuntimeMXBean().getName() + ")");
        System.out.flush();
    }
}
