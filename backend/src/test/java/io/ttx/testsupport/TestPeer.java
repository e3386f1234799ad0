package io.ttx.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A peer platform of the voucher federation played by WireMock on loopback (one per test JVM): the shared test context
 * knows it as "guangdong", hosting 440000 (ttx.vouchers.peers). Tests stub its token endpoint and protocol routes.
 */
public final class TestPeer {
    private static volatile WireMockServer server;

    private TestPeer() { }

    public static synchronized WireMockServer get() {
        if (server == null) {
            WireMockServer s = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            s.start();
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
            server = s;
        }
        return server;
    }

    public static String url() {
        return "http://127.0.0.1:" + get().port();
    }
}
