package io.ttx.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One replica of a TTX deployment for the tests of several replicas: the backend's own jar in a process of its own on
 * the dev stack, sharing the database, search aliases and bucket named by {@code deployment} with the other replicas
 * of that deployment (unlike {@link SecondPlatform}, a platform of its own). Its replica id is its name, so the
 * {@code leases} collection tells which replica holds what.
 */
public final class Replica implements AutoCloseable {
    private final String name;
    private final int port;
    private final BackendProcess process;

    private Replica(String name, int port, BackendProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts a replica (returns at once; see {@link #awaitStarted}); {@code settings}: more {@code key=value} options. */
    public static Replica start(String deployment, String name, List<String> settings) {
        TestStack.Endpoints s = TestStack.get();
        int port = BackendProcess.freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--ttx.jobs.replica-id=" + name,
            "--ttx.stores.mongodb.uri=" + s.mongo(), "--ttx.stores.mongodb.database=" + database(deployment),
            "--ttx.stores.elasticsearch.uris=" + s.es(), "--ttx.search.alias=" + alias(deployment),
            "--ttx.search.demands-alias=" + deployment + "-demands",
            "--ttx.stores.s3.endpoint=" + s.s3(), "--ttx.stores.s3.access-key=" + s.s3AccessKey(), "--ttx.stores.s3.secret-key=" + s.s3SecretKey(),
            "--ttx.stores.s3.bucket=ttx-it-" + deployment, "--ttx.identity.issuer-uri=" + s.idp(),
            "--ttx.catalogue.expiry-sweep-interval=3650d"));
        settings.forEach(setting -> args.add("--" + setting));
        return new Replica(name, port, BackendProcess.start(deployment + "-" + name, Map.of(), args.toArray(String[]::new)));
    }

    public static String database(String deployment) {
        return "ttx-it-" + deployment;
    }

    public static String alias(String deployment) {
        return deployment + "-achievements";
    }

    public void awaitStarted(Duration timeout) throws InterruptedException {
        process.awaitLine("Started TtxApplication", timeout);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code kill -9}. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    public List<String> lines() {
        return process.lines();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
