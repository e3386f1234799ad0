package io.ttx.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback TCP proxy in front of one engine, so that a test can take that engine away while the others stay up,
 * then bring it back on the same port. Two ways to fail: {@link #cut()} (refused and reset, what a crash looks like)
 * and {@link #blackHole()} (connections accepted, requests read, nothing ever answered: what a stalled engine or a
 * lost route looks like, which only a client-side timeout can end).
 */
public final class TcpProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile boolean blackHole;
    private final AtomicReference<Map.Entry<byte[], Runnable>> trigger = new AtomicReference<>();

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
        closeAllOpen();
    }

    private void closeAllOpen() {
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /**
     * The engine "stalls": new connections are accepted and whatever they send is read, open connections keep being
     * read too, but no byte goes to the engine or comes back from it. {@link #restore()} ends it.
     */
    public synchronized void blackHole() {
        blackHole = true;
    }

    /**
     * Runs {@code action} once, just before forwarding the first request to the engine whose bytes start with
     * {@code prefix} (e.g. "PUT "): a way to make something else fail at an exact point of a workflow.
     */
    public void onceBefore(String prefix, Runnable action) {
        trigger.set(Map.entry(prefix.getBytes(StandardCharsets.ISO_8859_1), action));
    }

    /**
     * The engine "comes back" on the same port. Connections opened before are closed if they went through a black
     * hole: bytes were dropped, so what they would carry next is garbage to both sides.
     */
    public synchronized void restore() {
        if (blackHole) {
            blackHole = false;
            closeAllOpen();
        }
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
                open.add(client);
                if (blackHole) {
                    Thread.ofVirtual().start(() -> pump(client, null, true));
                    continue;
                }
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 2000);
                } catch (IOException e) {
                    open.remove(client);
                    closeQuietly(client);
                    continue;
                }
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, true));
                Thread.ofVirtual().start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client sees a reset either way
            }
        }
    }

    /** Copies {@code from} to {@code to} (null: accepted in a black hole), dropping what it reads in a black hole. */
    private void pump(Socket from, Socket to, boolean towardsEngine) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
             OutputStream out = to == null ? OutputStream.nullOutputStream() : to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (blackHole) continue;
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
            if (to != null) open.remove(to);
        }
    }

    private void fireTrigger(byte[] buf, int n) {
        Map.Entry<byte[], Runnable> t = trigger.get();
        if (t == null || n < t.getKey().length) return;
        if (Arrays.equals(buf, 0, t.getKey().length, t.getKey(), 0, t.getKey().length) && trigger.compareAndSet(t, null)) {
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
