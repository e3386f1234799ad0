package io.ttx.alerts.webhooks;

import io.ttx.alerts.WebhookRefused;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook URLs we call: https only, and only hosts whose every address is public. Checked when a saved search
 * is stored and again before every delivery attempt (a name may resolve elsewhere by then). Name resolution blocks,
 * so it runs on the bounded-elastic scheduler with a timeout. With {@code allowPrivateTargets} (tests only) loopback
 * and private targets are accepted, and plain http too, but only to such targets: a public host still needs https.
 */
public final class WebhookTargets {
    private final boolean allowPrivateTargets;
    private final Duration resolveTimeout;

    public WebhookTargets(boolean allowPrivateTargets, Duration resolveTimeout) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolveTimeout = resolveTimeout;
    }

    /** The URL if we may call it now; a {@link WebhookRefused} error otherwise. */
    public Mono<URI> check(String url) {
        return Mono.fromCallable(() -> parse(url))
            .flatMap(uri -> Mono.fromCallable(() -> resolve(uri.getHost())).subscribeOn(Schedulers.boundedElastic())
                .timeout(resolveTimeout, Mono.error(() -> new WebhookRefused(WebhookRefused.UNRESOLVABLE, "The webhook host could not be resolved.")))
                .map(addresses -> admit(uri, addresses)));
    }

    /** Syntax and scheme, without resolving anything. */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookRefused(WebhookRefused.INVALID_URL, "The webhook URL is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new WebhookRefused(WebhookRefused.NOT_HTTPS, "Webhook URLs must use https.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            throw new WebhookRefused(WebhookRefused.INVALID_URL, "The webhook URL needs a host and must not carry credentials.");
        }
        return uri;
    }

    URI admit(URI uri, List<InetAddress> addresses) {
        boolean anyPrivate = addresses.stream().anyMatch(WebhookTargets::nonPublic);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        if (anyPrivate && !allowPrivateTargets) {
            throw new WebhookRefused(WebhookRefused.ADDRESS_REFUSED, "The webhook host resolves to a private or local address.");
        }
        if (!https) {
            throw new WebhookRefused(WebhookRefused.NOT_HTTPS, "Webhook URLs must use https.");
        }
        return uri;
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            throw new WebhookRefused(WebhookRefused.UNRESOLVABLE, "The webhook host could not be resolved.");
        }
    }

    /**
     * True for anything but a public unicast address: unspecified, loopback, link-local, site-local and private
     * (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), 0/8, benchmark (198.18/15), IETF (192.0.0/24),
     * reserved (240/4) and broadcast, multicast, IPv6 unique-local (fc00::/7), site-local (fec0::/10) and link-local
     * (fe80::/10), and IPv6 forms embedding an IPv4 address (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16)
     * whose IPv4 address is not public.
     */
    public static boolean nonPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            int b2 = b[2] & 0xff;
            return b0 == 0 || b0 == 10 || b0 == 127 || b0 >= 224
                || (b0 == 100 && b1 >= 64 && b1 <= 127)
                || (b0 == 169 && b1 == 254)
                || (b0 == 172 && b1 >= 16 && b1 <= 31)
                || (b0 == 192 && b1 == 168)
                || (b0 == 192 && b1 == 0 && b2 == 0)
                || (b0 == 198 && (b1 == 18 || b1 == 19));
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return true;                      // fc00::/7 unique local
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) return true; // fe80::/10
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return true; // fec0::/10
            if (allZero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || (b[10] == 0 && b[11] == 0))) {
                return embedded(b, 12);                                  // ::ffff:a.b.c.d and ::a.b.c.d
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
                return embedded(b, 12);                                  // 64:ff9b::/96 NAT64
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) return embedded(b, 2); // 2002::/16 6to4
        }
        return false;
    }

    private static boolean embedded(byte[] b, int from) {
        try {
            return nonPublic(InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }
}
