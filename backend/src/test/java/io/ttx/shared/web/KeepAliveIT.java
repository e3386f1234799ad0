package io.ttx.shared.web;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keep-alive connection keeps being served after a request that arrived while the one before it was still being
 * answered. Reactor Netty 1.3.6 buffered such a request, answered it and then never read from the connection again
 * when that answer completed at once (reactor-netty issue 4361): the next request on the connection waited forever,
 * and nothing closed it. Seen under load with Java's HTTP client (docs/decisions.md, "Reactor Netty 1.3.8").
 */
class KeepAliveIT extends IntegrationTest {
    /** Answered after the stores' pings: the answer completes later, on another turn of the event loop. */
    private static final String SLOW = "GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\n\r\n";
    /** Answered at once: no token, so the security chain writes the 401 before the request's handling returns. */
    private static final String AT_ONCE = "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @LocalServerPort
    int port;

    @Test
    void aRequestAfterAPipelinedOneIsAnswered() throws Exception {
        List<String> third = new ArrayList<>();
        for (int connection = 0; connection < 10; connection++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(5_000);
                // the second request arrives while the first is being answered: one write, both requests
                write(s, SLOW + AT_ONCE);
                assertThat(statusLine(s)).as("first answer").startsWith("HTTP/1.1 200");
                assertThat(statusLine(s)).as("second answer").startsWith("HTTP/1.1 401");
                write(s, AT_ONCE);
                third.add(statusLine(s));
            }
        }
        assertThat(third).as("the third request on each connection, answered within 5 s").hasSize(10)
            .allMatch(line -> line.startsWith("HTTP/1.1 401"));
    }

    private static void write(Socket s, String requests) throws IOException {
        s.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    /** The status line of the next answer on the connection, "timed out" when none came within the socket's timeout. */
    private static String statusLine(Socket s) throws IOException {
        String answer = RawHttp.readAnswer(s.getInputStream());
        return answer.isEmpty() ? "timed out" : answer.substring(0, answer.indexOf("\r\n"));
    }
}
