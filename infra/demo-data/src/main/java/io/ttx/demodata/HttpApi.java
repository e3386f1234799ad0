package io.ttx.demodata;

import java.io.IOException;

/**
 * How {@link DemoLoad} talks to the backend: one authenticated request as a given demo client. The seed loader
 * implements it with java.net.http and dev-IdP tokens; the backend's integration tests can implement it with
 * their own client (MockMvc, RestClient, ...) and load the same catalogue.
 */
@FunctionalInterface
public interface HttpApi {
    /**
     * @param method      GET or POST
     * @param path        path and query below the API root, e.g. {@code /api/v1/achievements?mine=true&size=1}
     * @param clientId    demo client to authenticate as (tto, broker, enterprise-2, ...)
     * @param contentType media type of {@code body}, or null when there is no body
     * @param body        request body, or null
     */
    Response send(String method, String path, String clientId, String contentType, byte[] body)
        throws IOException, InterruptedException;

    /** Status and body text (UTF-8) of a response. */
    record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
