package io.ttx.demodata;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the demo catalogue into a running TTX (scripts/seed-demo.sh): gets client-credentials tokens from the dev
 * IdP for each demo client and drives {@link DemoLoad} over java.net.http. Skips when the catalogue is already
 * there, so running it twice is harmless.
 * <pre>
 *   java -cp demo-data.jar io.ttx.demodata.SeedLoader [--api=http://127.0.0.1:8080] [--idp=http://127.0.0.1:9100]
 *        [--force] [--concurrency=8]
 * </pre>
 * Defaults come from TTX_PORT and IDP_PORT when the URLs are not given. Exit status: 0 loaded or already
 * loaded, 1 load failed, 2 bad arguments.
 */
public final class SeedLoader implements HttpApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String api;
    private final String idp;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public SeedLoader(String api, String idp) {
        this.api = stripSlash(api);
        this.idp = stripSlash(idp);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String api = "http://127.0.0.1:" + env.getOrDefault("TTX_PORT", "8080");
        String idp = "http://127.0.0.1:" + env.getOrDefault("IDP_PORT", "9100");
        boolean force = false;
        int concurrency = 8;
        for (String arg : args) {
            if (arg.startsWith("--api=")) api = arg.substring(6);
            else if (arg.startsWith("--idp=")) idp = arg.substring(6);
            else if (arg.equals("--force")) force = true;
            else if (arg.startsWith("--concurrency=") && arg.substring(14).matches("[1-9][0-9]?")) concurrency = Integer.parseInt(arg.substring(14));
            else {
                err.println("usage: SeedLoader [--api=http://127.0.0.1:8080] [--idp=http://127.0.0.1:9100] [--force] [--concurrency=1..99]");
                return 2;
            }
        }
        SeedLoader loader = new SeedLoader(api, idp);
        try {
            List<String> clients = new ArrayList<>(DemoCatalogue.ACHIEVEMENT_OWNERS);
            clients.addAll(DemoCatalogue.DEMAND_OWNERS);
            clients.add(DemoCatalogue.REVIEWER);
            for (String client : clients) loader.token(client);
            out.println("[seed-demo] tokens for " + String.join(", ", clients) + " from " + loader.idp);
            out.println("[seed-demo] loading into " + loader.api + " ...");
            DemoLoad.Result r = new DemoLoad(loader, concurrency, Duration.ofMillis(500)).load(DemoCatalogue.catalogue(), force);
            if (r.alreadyLoaded()) {
                out.println("[seed-demo] demo catalogue already loaded (tto owns achievements); use --force to load it again");
            } else {
                out.printf(Locale.ROOT, "[seed-demo] loaded %d achievements (submitted and approved), %d demands (submitted), "
                    + "%d documents in %.1f s%n", r.achievements(), r.demands(), r.documents(), r.elapsed().toMillis() / 1000.0);
            }
            return 0;
        } catch (DemoLoad.LoadFailed | IOException e) {
            err.println("[seed-demo] FAILED: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("[seed-demo] interrupted");
            return 1;
        }
    }

    @Override
    public Response send(String method, String path, String clientId, String contentType, byte[] body)
        throws IOException, InterruptedException {
        Response r = exchange(method, path, clientId, contentType, body);
        if (r.status() == 401) { // token expired during a long load: fetch a new one once
            tokens.remove(clientId);
            r = exchange(method, path, clientId, contentType, body);
        }
        return r;
    }

    private Response exchange(String method, String path, String clientId, String contentType, byte[] body)
        throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", "Bearer " + token(clientId))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        try {
            var response = http.send(b.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new IOException("cannot connect to the backend at " + api + " (is it running? scripts/run-local.sh)", e);
        }
    }

    /** A client-credentials access token of the demo client (secret = client id + "-secret"), cached. */
    String token(String clientId) throws IOException, InterruptedException {
        String cached = tokens.get(clientId);
        if (cached != null) return cached;
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(idp + "/oauth2/token")).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json").POST(BodyPublishers.ofString("grant_type=client_credentials")).build();
        String text;
        int status;
        try {
            var response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
            text = response.body();
            status = response.statusCode();
        } catch (ConnectException e) {
            throw new IOException("cannot connect to the dev IdP at " + idp + " (is it running? scripts/run-local.sh)", e);
        }
        String token = status == 200 ? Json.member(text, "access_token") : null;
        if (token == null) throw new IOException("POST " + idp + "/oauth2/token for client " + clientId + " failed with HTTP " + status + ":\n" + text);
        tokens.put(clientId, token);
        return token;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
