package io.ttx.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second TTX platform for the voucher federation's tests: the backend's own jar in a process of its own on the same
 * dev stack, with its own database, search aliases and bucket, hosting Shandong (370000). It knows the tests' platform
 * (the shared context, hosting the Yangtze River Delta) as its peer "yrd" and authenticates there as peer-370000; the
 * shared context knows it as "shandong" (IntegrationTest) and authenticates as peer-yrd. Its port is fixed when the
 * class loads, so the shared context can be configured before this process starts (once per test JVM, on demand).
 */
public final class SecondPlatform {
    private static final int PORT = TestStack.freePort();
    private static boolean started;

    private SecondPlatform() { }

    public static String url() {
        return "http://127.0.0.1:" + PORT;
    }

    /** Starts the platform unless it runs already; {@code firstUrl}: the shared context's base URL (its peer). */
    public static synchronized void start(String firstUrl) {
        if (started) return;
        TestStack.Endpoints s = TestStack.get();
        String suffix = "sd-" + ProcessHandle.current().pid();
        List<String> cmd = new ArrayList<>(List.of("--server.port=" + PORT,
            "--ttx.stores.mongodb.uri=" + s.mongo(), "--ttx.stores.elasticsearch.uris=" + s.es(), "--ttx.stores.mongodb.database=ttx-it-" + suffix,
            "--ttx.search.alias=" + suffix + "-achievements", "--ttx.search.demands-alias=" + suffix + "-demands",
            "--ttx.stores.s3.endpoint=" + s.s3(), "--ttx.stores.s3.access-key=" + s.s3AccessKey(), "--ttx.stores.s3.secret-key=" + s.s3SecretKey(),
            "--ttx.stores.s3.bucket=ttx-it-" + suffix, "--ttx.identity.issuer-uri=" + s.idp(),
            // agencies are admitted after a short notice; the leased jobs run often (this process keeps the real clock)
            "--ttx.vouchers.notice-period=1s", "--ttx.vouchers.recovery-interval=500ms", "--ttx.catalogue.expiry-sweep-interval=3650d",
            "--ttx.vouchers.peers[0].name=yrd", "--ttx.vouchers.peers[0].base-url=" + firstUrl,
            "--ttx.vouchers.peers[0].token-uri=" + s.idp() + "/oauth2/token", "--ttx.vouchers.peers[0].client-id=peer-370000",
            "--ttx.vouchers.peers[0].client-secret=peer-370000-secret"));
        List<String> regions = List.of("310000", "320000", "330000", "340000");
        for (int i = 0; i < regions.size(); i++) cmd.add("--ttx.vouchers.peers[0].regions[" + i + "]=" + regions.get(i));
        cmd.addAll(federationTimings().stream().map(t -> "--" + t).toList());
        TestStack.launch(BackendProcess.command(cmd), Path.of("target", "it-stack", "second-platform.log").toAbsolutePath(), l -> l.contains("Started TtxApplication"),
            "APPLICATION FAILED TO START");
        started = true;
    }

    /** The federation's timeouts, retries and circuit of both platforms in the tests: short, so tests cross them. */
    static List<String> federationTimings() {
        return List.of("ttx.vouchers.federation.read-timeout=1s", "ttx.vouchers.federation.retries=1",
            "ttx.vouchers.federation.retry-backoff=50ms", "ttx.vouchers.federation.open-circuit-for=3s",
            "ttx.vouchers.federation.connect-timeout=200ms", "ttx.vouchers.federation.reconcile-after=3s");
    }
}
