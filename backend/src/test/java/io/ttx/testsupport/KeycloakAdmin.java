package io.ttx.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an operator does in Keycloak's admin console, through its admin REST API, for the tests: users with a realm role
 * and their organisation and region, clients, service accounts; and the tokens Keycloak then issues. Everything here
 * is test-only: realm-ttx.json holds no users and no clients but the console.
 */
public final class KeycloakAdmin {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String realm = Keycloak.url() + "/admin/realms/ttx";

    /** A confidential client that may log users in with their password (direct access grant) and nothing else. */
    public void passwordLoginClient(String clientId, String secret) {
        ObjectNode c = client(clientId, secret);
        c.put("directAccessGrantsEnabled", true);
        send("POST", realm + "/clients", c);
    }

    /** A confidential client with a service account, whose tokens get only the given client scopes (no realm defaults). */
    public void serviceClientWithScopes(String clientId, String secret, List<String> scopes) {
        ObjectNode c = client(clientId, secret).put("serviceAccountsEnabled", true);
        c.set("defaultClientScopes", JSON.valueToTree(scopes));
        send("POST", realm + "/clients", c);
    }

    /** A service client (a peer platform, an integration): its service account gets the role and the attributes. */
    public void serviceClient(String clientId, String secret, String role, Map<String, List<String>> attributes) {
        send("POST", realm + "/clients", client(clientId, secret).put("serviceAccountsEnabled", true));
        String id = send("GET", realm + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null).get(0).get("id").asString();
        ObjectNode account = (ObjectNode) send("GET", realm + "/clients/" + id + "/service-account-user", null);
        account.set("attributes", JSON.valueToTree(attributes));
        send("PUT", realm + "/users/" + account.get("id").asString(), account);
        grant(account.get("id").asString(), role);
    }

    /** A person with a password, one realm role and the attributes (org, region). */
    public void user(String username, String password, String role, Map<String, List<String>> attributes) {
        ObjectNode u = JSON.createObjectNode().put("username", username).put("enabled", true).put("email", username + "@example.test")
            .put("emailVerified", true).put("firstName", username).put("lastName", "Test");
        u.set("attributes", JSON.valueToTree(attributes));
        u.set("credentials", JSON.valueToTree(List.of(Map.of("type", "password", "value", password, "temporary", false))));
        send("POST", realm + "/users", u);
        String query = "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
        String id = send("GET", realm + query, null).get(0).get("id").asString();
        grant(id, role);
    }

    public String passwordToken(String clientId, String secret, String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret, "username", username, "password", password));
    }

    public String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A token of the master realm's administrator (another issuer than realm ttx). */
    public String adminToken() {
        return token(Map.of("grant_type", "password", "client_id", "admin-cli", "username", Keycloak.ADMIN, "password", Keycloak.ADMIN_PASSWORD));
    }

    private void grant(String userId, String role) {
        JsonNode r = send("GET", realm + "/roles/" + role, null);
        send("POST", realm + "/users/" + userId + "/role-mappings/realm", JSON.createArrayNode().add(r));
    }

    private static ObjectNode client(String clientId, String secret) {
        return JSON.createObjectNode().put("clientId", clientId).put("secret", secret).put("publicClient", false)
            .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", false).put("serviceAccountsEnabled", false);
    }

    private String token(Map<String, String> form) {
        boolean admin = "admin-cli".equals(form.get("client_id"));
        JsonNode t = post(Keycloak.url() + "/realms/" + (admin ? "master" : "ttx") + "/protocol/openid-connect/token", form);
        return t.get("access_token").asString();
    }

    private JsonNode send(String method, String url, JsonNode body) {
        // a fresh administrator token each call: the master realm's tokens live 60 s
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + adminToken())
            .timeout(Duration.ofSeconds(20));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return call(b.build());
    }

    private JsonNode post(String url, Map<String, String> form) {
        String encoded = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return call(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encoded)).timeout(Duration.ofSeconds(20)).build());
    }

    private JsonNode call(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) throw new IllegalStateException(req.method() + " " + req.uri() + ": " + r.statusCode() + " " + r.body());
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(req.method() + " " + req.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
