package io.ttx.alerts.webhooks;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one webhook request: POST of the exact body bytes (so the signature covers what is sent), connect and
 * response timeouts, redirects not followed, the response body discarded. Emits the HTTP status; connection
 * failures and timeouts are errors. The address actually connected to is checked once more before anything is
 * written ({@link WebhookTargets#nonPublic}): the HTTP client resolves names itself, so a name that resolved to a
 * public address for the check may resolve elsewhere for the connection (DNS rebinding); such a connection is closed.
 */
public class WebhookSender {
    private final WebClient client;
    private final Duration overall;

    public WebhookSender(WebClient.Builder builder, Duration connectTimeout, Duration readTimeout, boolean allowPrivateTargets,
                         @Nullable TrustManagerFactory trust) {
        HttpClient http = HttpClient.create()
            .doOnConnected(connection -> {
                if (!allowPrivateTargets && refused(connection.channel().remoteAddress())) {
                    connection.channel().close();
                    throw new AddressRefused();
                }
            })
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
            .responseTimeout(readTimeout)
            .followRedirect(false);
        if (trust != null) http = http.secure(spec -> spec.sslContext(clientContext(trust)));
        this.client = builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.overall = connectTimeout.plus(readTimeout).plusSeconds(1);
    }

    public Mono<Integer> post(URI target, byte[] body, Map<String, String> headers) {
        return client.post().uri(target)
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> {
                headers.forEach(h::set);
                h.set("User-Agent", "TTX-Webhooks/1");
            })
            .bodyValue(body)
            .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
            .timeout(overall);
    }

    private static boolean refused(SocketAddress remote) {
        return !(remote instanceof InetSocketAddress a) || a.getAddress() == null || WebhookTargets.nonPublic(a.getAddress());
    }

    /** The connection went to a non-public address although the name was checked (DNS rebinding). */
    static final class AddressRefused extends RuntimeException {
        AddressRefused() {
            super("connected address is not public", null, false, false);
        }
    }

    private static SslContext clientContext(TrustManagerFactory trust) {
        try {
            return SslContextBuilder.forClient().trustManager(trust).build();
        } catch (SSLException e) {
            throw new IllegalStateException("webhook trust material cannot be used", e);
        }
    }
}
