package io.ttx.shared.stores;

import java.io.IOException;

/**
 * No Elasticsearch node answered a request: connecting failed, a node stayed silent beyond the response timeout or
 * broke the connection off (the cause says which). A store outage (503): {@code Failures.storeUnavailable}.
 */
public final class ElasticsearchUnreachable extends IOException {
    public ElasticsearchUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
