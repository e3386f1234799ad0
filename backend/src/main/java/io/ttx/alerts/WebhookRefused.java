package io.ttx.alerts;

import io.ttx.shared.DomainException;

import java.util.Map;

/**
 * A webhook URL we will not call (422): not https ({@code webhook-not-https}), not a usable absolute URL
 * ({@code webhook-invalid-url}), a host that does not resolve ({@code webhook-host-unresolvable}) or one resolving to
 * a loopback, private, link-local or otherwise non-public address ({@code webhook-address-refused}).
 */
public final class WebhookRefused extends DomainException {
    public static final String NOT_HTTPS = "webhook-not-https";
    public static final String INVALID_URL = "webhook-invalid-url";
    public static final String UNRESOLVABLE = "webhook-host-unresolvable";
    public static final String ADDRESS_REFUSED = "webhook-address-refused";

    public WebhookRefused(String code, String message) {
        super(code, Kind.INVALID, message);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", "webhook.url");
    }
}
