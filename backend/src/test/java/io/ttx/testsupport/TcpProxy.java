package io.ttx.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of one engine, so that a test can take that engine away (refusing new connections
 * and resetting open ones) while the others stay up, then bring it back on the same port.
 */
public final class TcpProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private final java.util.concurrent.atomic.AtomicReference<Map.Entry<byte[], Runnable>> trigger = new java.util.concurrent.atomic.AtomicReference<>();

    private TcpProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    static TcpProxy start(InetSocketAddress target) {
        TcpProxy p = new TcpProxy(target, TestStack.freePort());
        p.restore();
        return p;
    }

    public int port() {
        return port;
    }

    /** The engine "goes down": new connections are refused and open ones are closed. */
    public synchronized void cut() {
        ServerSocket s = server;
        server = null;
        closeQuietly(s);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /**
     * Runs {@code action} once, just before forwarding the first request to the engine whose bytes start with
     * {@code prefix} (e.g. "PUT "): a way to make something else fail at an exact point of a workflow.
     */
    public void onceBefore(String prefix, Runnable action) {
        trigger.set(Map.entry(prefix.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), action));
    }

    /** The engine "comes back" on the same port. */
    public synchronized void restore() {
        if (server != null) return;
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
            Thread.ofVirtual().name("proxy-accept-" + port).start(() -> acceptLoop(s));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 2000);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, true));
                Thread.ofVirtual().start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client sees a reset either way
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsEngine) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (towardsEngine) fireTrigger(buf, n);
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void fireTrigger(byte[] buf, int n) {
        Map.Entry<byte[], Runnable> t = trigger.get();
        if (t == null || n < t.getKey().length) return;
        if (java.util.Arrays.equals(buf, 0, t.getKey().length, t.getKey(), 0, t.getKey().length) && trigger.compareAndSet(t, null)) {
            t.getValue().run();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort
        }
    }

    @Override
    public void close() {
        cut();
    }
}
