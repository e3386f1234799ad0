package io.ttx.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that stalls a client at one chosen point, for the unit tests of client timeouts (no engine
 * needed): it never completes a connect, never answers, or never reads a request body.
 */
public final class StallingServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private StallingServer(ServerSocket server) {
        this.server = server;
    }

    /**
     * Connects hang: the listen backlog (one) is filled with our own connections, which nobody accepts, and Linux
     * drops a SYN to a full backlog, so a client's connect neither succeeds nor fails until its own timeout.
     */
    public static StallingServer neverAccepting() throws IOException {
        StallingServer s = new StallingServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        while (true) {
            Socket filler = new Socket();
            s.sockets.add(filler);
            try {
                filler.connect(s.address(), 200);
            } catch (SocketTimeoutException full) {
                return s;
            }
        }
    }

    /** Connections are accepted and everything sent is read, but no byte ever comes back. */
    public static StallingServer neverAnswering() throws IOException {
        return accepting(false);
    }

    /** Connections are accepted, but nothing sent is ever read: once the buffers are full, a client's writes block. */
    public static StallingServer neverReading() throws IOException {
        return accepting(true);
    }

    private static StallingServer accepting(boolean stopReading) throws IOException {
        ServerSocket ss = new ServerSocket();
        if (stopReading) ss.setReceiveBufferSize(4096); // accepted sockets inherit it: little room before writes block
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        StallingServer s = new StallingServer(ss);
        Thread.ofVirtual().start(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket c = ss.accept();
                    s.sockets.add(c);
                    if (!stopReading) Thread.ofVirtual().start(() -> drain(c));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
        return s;
    }

    private static void drain(Socket c) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = c.getInputStream()) {
            while (in.read(buf) >= 0) {
                // read and dropped
            }
        } catch (IOException e) {
            // closed
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    public String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) s.close();
    }
}
