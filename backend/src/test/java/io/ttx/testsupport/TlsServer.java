package io.ttx.testsupport;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TLS server with a certificate of its own (made by the JDK's keytool, trusted by nobody), for the tests
 * of the store clients' TLS trust: it counts the handshakes that complete, then reads and never answers, so a client
 * that trusts it fails on its timeout and one that does not fails its handshake.
 */
public final class TlsServer implements AutoCloseable {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private final SSLServerSocket server;
    private final String certificate;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public TlsServer(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        Path store = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
            "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
            "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "tls", "-keystore", store.toString(), "-storepass", "changeit", "-file", pem.toString());
        this.certificate = Files.readString(pem);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        this.server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    /** The server's certificate, PEM: what a client must trust. */
    public String certificate() {
        return certificate;
    }

    public int handshakes() {
        return handshakes.get();
    }

    public String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket c = (SSLSocket) server.accept();
                sockets.add(c);
                Thread.ofVirtual().start(() -> serve(c));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(SSLSocket c) {
        try (InputStream in = c.getInputStream()) {
            c.startHandshake();
            handshakes.incrementAndGet();
            while (in.read(new byte[4096]) >= 0) {
                // read and never answer
            }
        } catch (IOException refused) {
            // the client did not trust us, or went away
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + out);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) s.close();
    }
}
