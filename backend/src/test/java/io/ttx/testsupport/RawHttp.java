package io.ttx.testsupport;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A hand-written HTTP/1.1 request over a socket, for headers the HTTP clients will not let a test lie about. */
public final class RawHttp {
    private RawHttp() { }

    /** Sends {@code head} (request line and headers, no blank line) and {@code body}; returns the status line and headers. */
    public static String send(int port, String head, byte[] body) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                sb.append((char) c);
                if (sb.toString().endsWith("\r\n\r\n")) break;
            }
            return sb.toString();
        }
    }

    /** Sends a request without a body and reads the whole answer (status, headers, body) until the server closes. */
    public static String exchange(int port, String head) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
