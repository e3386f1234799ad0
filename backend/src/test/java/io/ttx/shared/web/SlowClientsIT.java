package io.ttx.shared.web;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops sending in the middle of a body loses its connection after ttx.web.read-idle-timeout (3 s in tests). */
class SlowClientsIT extends IntegrationTest {
    private static final String LIVENESS = "GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @LocalServerPort
    int port;

    @Test
    void aBodyThatStallsIsCutAfterTheReadIdleTimeout() throws Exception {
        String head = "POST /api/test/echo HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer("tto")
            + "\r\nContent-Type: application/json\r\nContent-Length: 1000";
        Duration open = RawHttp.openWhileStalled(port, head, "{\"name\":".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(20));
        assertThat(open).isGreaterThanOrEqualTo(Duration.ofMillis(2_500)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aConnectionBetweenRequestsIsNotABodyThatStalls() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            assertThat(roundTrip(s)).startsWith("HTTP/1.1 200");
            Thread.sleep(4_000); // longer than the read-idle timeout: the clock only runs while a body is awaited
            assertThat(roundTrip(s)).startsWith("HTTP/1.1 200");
        }
    }

    private static String roundTrip(Socket s) throws Exception {
        s.getOutputStream().write(LIVENESS.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        StringBuilder got = new StringBuilder();
        int length = -1;
        while (true) {
            int c = in.read();
            if (c < 0) return got.toString();
            got.append((char) c);
            int end = got.indexOf("\r\n\r\n");
            if (end < 0) continue;
            if (length < 0) {
                String headers = got.substring(0, end).toLowerCase();
                int at = headers.indexOf("content-length:");
                length = Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at) < 0 ? headers.length()
                    : headers.indexOf("\r\n", at)).trim());
            }
            if (got.length() >= end + 4 + length) return got.toString();
        }
    }
}
