package io.ttx.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * Sends {@code head} and {@code body} as HTTP/1.1 chunks of 64 KB (no Content-Length), then the last chunk only if
     * {@code finish}: an unfinished body is a client that stalls. Returns the answer (status line, headers, body) as far
     * as it came within {@code wait}; the writing goes on beside it, as a client's would, however the server reads.
     */
    public static String chunked(int port, String head, byte[] body, boolean finish, Duration wait) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout((int) wait.toMillis());
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write((head + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    for (int off = 0; off < body.length; off += 64 * 1024) {
                        int n = Math.min(64 * 1024, body.length - off);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body, off, n);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    if (finish) out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading and closed: what it answered is what counts
                }
            });
            String answer = readAnswer(s.getInputStream());
            writer.interrupt();
            return answer;
        }
    }

    /** How long the server keeps a connection open after {@code head} and the first {@code sent} bytes of a longer body. */
    public static Duration openWhileStalled(int port, String head, byte[] sent, Duration atMost) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout((int) atMost.toMillis());
            s.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(sent);
            s.getOutputStream().flush();
            long start = System.nanoTime();
            try {
                while (s.getInputStream().read() >= 0) {
                    // whatever it answers, the connection is open until read says -1
                }
            } catch (SocketTimeoutException e) {
                return atMost;
            } catch (IOException e) {
                // reset: closed too
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");

    /**
     * Reads one answer, status line, headers and a Content-Length body; stops at the end of it, at EOF or at the socket
     * timeout, and returns what came (empty when nothing did). The next answer on a kept-alive connection starts after it.
     */
    public static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            int c;
            while ((c = in.read()) >= 0) {
                got.write(c);
                String text = got.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end < 0) continue;
                Matcher m = CONTENT_LENGTH.matcher(text.substring(0, end));
                if (m.find() && got.size() >= end + 4 + Integer.parseInt(m.group(1))) break;
            }
        } catch (SocketTimeoutException | SocketException e) {
            // what came so far is the answer
        }
        return got.toString(StandardCharsets.UTF_8);
    }
}
