package io.ttx.devstack;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** "Does it answer?" checks used before printing READY: each speaks the server's own protocol. */
final class Probes {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probes() { }

    /** The dev node has no rest-root module ({@code GET /} is 405), so cluster health is the probe. */
    static boolean elasticsearch(String host, int port) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port
            + "/_cluster/health?wait_for_status=yellow&timeout=5s")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && (r.body().contains("\"green\"") || r.body().contains("\"yellow\""));
    }

    /** Any S3 XML answer to an unsigned ListBuckets (403 AccessDenied) proves the server speaks S3. */
    static boolean s3(String host, int port) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body().contains("<Error>") || r.body().contains("ListAllMyBucketsResult");
    }

    /** One OP_MSG {ping: 1, $db: "admin"} round trip over a raw socket (no driver in the dev stack). */
    static boolean mongo(String host, int port) throws IOException {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.write(0x10);
        doc.writeBytes("ping\0".getBytes(StandardCharsets.US_ASCII));
        doc.writeBytes(le(1));
        doc.write(0x02);
        doc.writeBytes("$db\0".getBytes(StandardCharsets.US_ASCII));
        doc.writeBytes(le(6));
        doc.writeBytes("admin\0".getBytes(StandardCharsets.US_ASCII));
        doc.write(0);
        byte[] fields = doc.toByteArray();
        int docLen = 4 + fields.length;
        ByteBuffer msg = ByteBuffer.allocate(16 + 4 + 1 + docLen).order(ByteOrder.LITTLE_ENDIAN);
        msg.putInt(msg.capacity()).putInt(1).putInt(0).putInt(2013).putInt(0).put((byte) 0).putInt(docLen).put(fields);
        try (Socket sock = new Socket()) {
            sock.connect(new InetSocketAddress(host, port), 2000);
            sock.setSoTimeout(5000);
            OutputStream out = sock.getOutputStream();
            out.write(msg.array());
            out.flush();
            DataInputStream in = new DataInputStream(sock.getInputStream());
            byte[] header = new byte[16];
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            byte[] rest = new byte[h.getInt(0) - 16];
            in.readFully(rest);
            return h.getInt(12) == 2013 && new String(rest, StandardCharsets.ISO_8859_1).contains("\u0001ok\u0000");
        }
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
