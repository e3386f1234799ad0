package io.ttx.devidp;

import java.util.List;

/** One demo client: client id = secret minus "-secret"; the claims it receives in every access token. */
record DemoClient(String clientId, List<String> roles, String orgName, String org, String region) {
    String secret() {
        return clientId + "-secret";
    }
}
