package io.ttx;

import io.ttx.testsupport.Poll;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Plain HTTP calls to backend processes (no Spring context in the test JVM), and polling with a deadline. */
final class HttpCalls {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int statusCode, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Answer get(String url, @Nullable String bearer) {
        return send(request(url, bearer).GET());
    }

    Answer post(String url, @Nullable String bearer, @Nullable String json) {
        HttpRequest.Builder req = request(url, bearer);
        if (json == null) return send(req.POST(HttpRequest.BodyPublishers.noBody()));
        return send(req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer expect(int status, Answer answer) {
        if (answer.statusCode() != status) throw new AssertionError("expected " + status + ", got " + answer.statusCode() + ": " + answer.body());
        return answer;
    }

    private static HttpRequest.Builder request(String url, @Nullable String bearer) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearer != null) req.header("Authorization", bearer);
        return req;
    }

    private Answer send(HttpRequest.Builder req) {
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code check} passes (returning its value) or the deadline passes (then its last failure). */
    static <T> T eventually(Instant deadline, Supplier<T> check) {
        return Poll.until(deadline, check);
    }
}
