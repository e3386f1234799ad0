package io.ttx.devidp;

import java.util.List;

/**
 * One demo client: client id = secret minus "-secret"; the claims it receives in every access token ({@code regions}:
 * the provinces a peer platform hosts, only for peers).
 */
record DemoClient(String clientId, List<String> roles, String orgName, String org, String region, List<String> regions) {
    DemoClient(String clientId, List<String> roles, String orgName, String org, String region) {
        this(clientId, roles, orgName, org, region, List.of());
    }

    String secret() {
        return clientId + "-secret";
    }
}
