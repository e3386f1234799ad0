package io.ttx.shared.stores;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.util.BinaryData;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.timeout.WriteTimeoutHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Elasticsearch client's HTTP layer on Reactor Netty, on the server's own event loops, instead of the Apache
 * HttpClient 5 the low-level client brings: a search then runs from the request to the answer on one event-loop thread
 * (no hand-over to the client's I/O reactor threads and back, no wake-ups between them), which cost the backend about
 * a fifth of its CPU per search (docs/performance.md). What the low-level client did for us, done here: requests go
 * round-robin to the nodes listed; a node that fails to connect, breaks a connection or answers 502/503/504 is left
 * out for a while (one minute, doubling with each failure in a row, at most 30); a request that could not connect is
 * tried on the next node; when every node is left out, the one due back first is tried. Request bodies go with a
 * Content-Length (the low-level client chunked them), responses are read whole (they are JSON the client parses).
 */
final class NettyElasticsearchHttp implements TransportHttpClient {
    private static final long DEAD_MIN_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long DEAD_MAX_NANOS = TimeUnit.MINUTES.toNanos(30);
    private static final byte[] NO_BYTES = new byte[0];

    private final List<NodeState> nodes;
    private final AtomicInteger next = new AtomicInteger();
    private final ConnectionProvider pool;
    private final HttpClient http;
    private final @Nullable String authorization;

    /**
     * @param authorization the Authorization header every request carries (API key or basic), or none
     * @param tls           the SSL context for https nodes; none: the JVM's default trust
     */
    NettyElasticsearchHttp(String name, List<URI> uris, Duration connectTimeout, Duration responseTimeout, int maxConnectionsPerNode,
                           @Nullable String authorization, @Nullable SSLContext tls) {
        this.nodes = uris.stream().map(NodeState::new).toList();
        this.authorization = authorization;
        // one pool per node (Reactor Netty pools by address); requests beyond it wait up to the response timeout
        this.pool = ConnectionProvider.builder("elasticsearch-" + name).maxConnections(maxConnectionsPerNode)
            .pendingAcquireMaxCount(-1).pendingAcquireTimeout(responseTimeout).maxIdleTime(Duration.ofSeconds(30)).build();
        long writeTimeoutMillis = responseTimeout.toMillis();
        HttpClient client = HttpClient.create(pool)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
            .responseTimeout(responseTimeout)
            .doOnConnected(c -> c.addHandlerLast(new WriteTimeoutHandler(writeTimeoutMillis, TimeUnit.MILLISECONDS)));
        if (uris.stream().anyMatch(u -> "https".equalsIgnoreCase(u.getScheme()))) {
            client = tls == null ? client.secure() : client.secure(s -> s.sslContext(new JdkSslContext(tls, true, ClientAuth.NONE)));
        }
        this.http = client;
    }

    @Override
    public Response performRequest(String endpointId, @Nullable Node node, Request request, TransportOptions options) throws IOException {
        // the backend only uses the async client; a caller of this one must not be on an event loop
        try {
            return performRequestAsync(endpointId, node, request, options).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public CompletableFuture<Response> performRequestAsync(String endpointId, @Nullable Node node, Request request, TransportOptions options) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        options.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        if (authorization != null) headers.put(HttpHeaderNames.AUTHORIZATION.toString(), authorization);
        Exchange exchange = new Exchange(endpointId, node != null ? List.of(new NodeState(node.uri())) : order(), request.method(),
            request.path() + query(request.queryParams(), options.queryParameters()), headers, body(request.body()));
        exchange.attempt(0);
        return exchange.out;
    }

    /** One request: sent to the nodes in {@code order}, the next one only after a connect failure or a 502/503/504. */
    private final class Exchange {
        final String endpointId;
        final List<NodeState> order;
        final String method;
        final String pathAndQuery;
        final Map<String, String> headers;
        final byte @Nullable [] body;
        final CompletableFuture<Response> out = new CompletableFuture<>();
        volatile @Nullable Disposable running;

        Exchange(String endpointId, List<NodeState> order, String method, String pathAndQuery, Map<String, String> headers, byte @Nullable [] body) {
            this.endpointId = endpointId;
            this.order = order;
            this.method = method;
            this.pathAndQuery = pathAndQuery;
            this.headers = headers;
            this.body = body;
            out.whenComplete((r, e) -> {
                Disposable d = running;
                if (out.isCancelled() && d != null) d.dispose();
            });
        }

        void attempt(int i) {
            try {
                send(i);
            } catch (RuntimeException e) { // e.g. a malformed URL: thrown here, it would be lost in a subscriber
                out.completeExceptionally(e);
            }
        }

        private void send(int i) {
            NodeState n = order.get(i);
            HttpClient.RequestSender request = http.headers(h -> {
                    headers.forEach(h::set);
                    if (body != null) h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                })
                .request(HttpMethod.valueOf(method)).uri(n.base + pathAndQuery);
            byte[] bytes = body;
            HttpClient.ResponseReceiver<?> sender = bytes == null ? request : request.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes)));
            running = sender.responseSingle((resp, content) -> content.asByteArray().defaultIfEmpty(NO_BYTES)
                    .map(b -> new NettyResponse(n.node, resp.status().code(), resp.responseHeaders(), b)))
                .subscribe(r -> {
                    boolean unavailable = r.status() == 502 || r.status() == 503 || r.status() == 504;
                    if (unavailable) n.failed();
                    else n.alive();
                    if (unavailable && i + 1 < order.size()) attempt(i + 1);
                    else out.complete(r);
                }, e -> {
                    n.failed();
                    // nothing was sent when the connection failed: the next node may take the request
                    if (connectFailure(e) && i + 1 < order.size()) attempt(i + 1);
                    else out.completeExceptionally(new ElasticsearchUnreachable("[" + endpointId + "] Elasticsearch node " + n.base + ": " + e, e));
                });
        }
    }

    private static boolean connectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof ConnectException) return true;
        return false;
    }

    /** The live nodes, starting one further along at each request; none live: the node due back first. */
    private List<NodeState> order() {
        int start = Math.floorMod(next.getAndIncrement(), nodes.size());
        long now = System.nanoTime();
        List<NodeState> live = new ArrayList<>(nodes.size());
        NodeState soonest = null;
        for (int k = 0; k < nodes.size(); k++) {
            NodeState n = nodes.get((start + k) % nodes.size());
            if (n.isLive(now)) live.add(n);
            else if (soonest == null || n.deadUntil - soonest.deadUntil < 0) soonest = n;
        }
        return live.isEmpty() ? List.of(soonest) : live;
    }

    private static byte @Nullable [] body(@Nullable Iterable<ByteBuffer> buffers) {
        if (buffers == null) return null;
        int size = 0;
        for (ByteBuffer b : buffers) size = Math.addExact(size, b.remaining());
        byte[] out = new byte[size];
        int at = 0;
        for (ByteBuffer b : buffers) {
            ByteBuffer d = b.duplicate();
            int len = d.remaining();
            d.get(out, at, len);
            at += len;
        }
        return out;
    }

    private static String query(Map<String, String> request, Map<String, String> options) {
        if (request.isEmpty() && options.isEmpty()) return "";
        Map<String, String> all = new LinkedHashMap<>(request);
        all.putAll(options);
        StringBuilder q = new StringBuilder();
        all.forEach((k, v) -> q.append(q.isEmpty() ? '?' : '&').append(URLEncoder.encode(k, StandardCharsets.UTF_8))
            .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    @Override
    public void close() {
        pool.dispose();
    }

    /** A node and how long it is left out. */
    private static final class NodeState {
        final Node node;
        final String base;
        volatile long deadUntil;
        final AtomicInteger failures = new AtomicInteger();

        NodeState(URI uri) {
            String s = uri.toString();
            this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
            this.node = new Node(uri);
        }

        boolean isLive(long now) {
            return failures.get() == 0 || now - deadUntil >= 0;
        }

        void alive() {
            if (failures.get() != 0) failures.set(0);
        }

        void failed() {
            int f = failures.incrementAndGet();
            deadUntil = System.nanoTime() + Math.min(DEAD_MAX_NANOS, DEAD_MIN_NANOS << Math.min(f - 1, 5));
        }
    }

    /** A whole response: status, headers and body bytes. */
    private record NettyResponse(Node node, int status, HttpHeaders httpHeaders, byte[] bytes) implements Response {
        @Override
        public int statusCode() {
            return status;
        }

        @Override
        public @Nullable String header(String name) {
            return httpHeaders.get(name);
        }

        @Override
        public List<String> headers(String name) {
            return httpHeaders.getAll(name);
        }

        @Override
        public @Nullable BinaryData body() {
            String type = httpHeaders.get(HttpHeaderNames.CONTENT_TYPE);
            if (bytes.length == 0 && type == null) return null;
            return BinaryData.of(bytes, type == null ? "application/octet-stream" : type);
        }

        @Override
        public Object originalResponse() {
            return this;
        }

        @Override
        public void close() {
            // the body is a byte array: nothing to release
        }
    }
}
