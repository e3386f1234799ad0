package io.ttx.demodata;

import io.ttx.demodata.DemoCatalogue.Catalogue;
import io.ttx.demodata.HttpApi.Response;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Loads a catalogue through the public API, the way real users would create it: each achievement is created by
 * its owner, gets its documents, is submitted and then approved by the broker; each demand is created and
 * submitted by its enterprise. Records load in parallel (bounded), the steps of one record in order. A 503 (a
 * store still warming up) is retried with exponential backoff; any other failure stops the load with the method,
 * path, status and response body, because a half-understood catalogue is worse than none.
 */
public final class DemoLoad {
    public static final String CHECK_PATH = "/api/v1/achievements?mine=true&size=100";
    /** The check reads at most this many pages (10,000 listings) of the first demo achievement's owner. */
    static final int MAX_CHECK_PAGES = 100;
    static final int MAX_RETRIES = 5;
    private static final String JSON = "application/json";
    private static final byte[] APPROVE = "{\"decision\":\"APPROVE\",\"note\":\"demo data\"}".getBytes(StandardCharsets.UTF_8);

    /** What a load did; {@code alreadyLoaded} means it found the catalogue and posted nothing. */
    public record Result(boolean alreadyLoaded, int achievements, int demands, int documents, Duration elapsed) { }

    /** The load stopped; the message names the request and quotes the response. */
    public static final class LoadFailed extends RuntimeException {
        LoadFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpApi api;
    private final int concurrency;
    private final Duration firstBackoff;
    private final AtomicInteger uploads = new AtomicInteger();

    /** 8 requests in flight, first retry after 500 ms. */
    public DemoLoad(HttpApi api) {
        this(api, 8, Duration.ofMillis(500));
    }

    public DemoLoad(HttpApi api, int concurrency, Duration firstBackoff) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        this.api = api;
        this.concurrency = concurrency;
        this.firstBackoff = firstBackoff;
    }

    /** Loads the catalogue unless it is already there (then nothing is posted; see {@link #alreadyLoaded}) or {@code force}. */
    public Result load(Catalogue catalogue, boolean force) {
        long start = System.nanoTime();
        if (!force && alreadyLoaded(catalogue)) return new Result(true, 0, 0, 0, since(start));
        Map<Integer, List<DemoDocument>> docs = catalogue.documents().stream()
            .collect(Collectors.groupingBy(DemoDocument::achievementIndex));
        List<Runnable> tasks = new ArrayList<>();
        for (DemoAchievement a : catalogue.achievements()) tasks.add(() -> achievement(a, docs.getOrDefault(a.index(), List.of())));
        for (DemoDemand d : catalogue.demands()) tasks.add(() -> demand(d));
        uploads.set(0);
        run(tasks);
        return new Result(false, catalogue.achievements().size(), catalogue.demands().size(), uploads.get(), since(start));
    }

    /**
     * True when the catalogue's first demo achievement is already there: its owner's listings hold one with the same
     * Chinese title. Other achievements of that client (made by hand, by tests) do not count.
     */
    public boolean alreadyLoaded(Catalogue catalogue) {
        DemoAchievement first = catalogue.achievements().getFirst();
        String cursor = null;
        for (int page = 0; page < MAX_CHECK_PAGES; page++) {
            String path = CHECK_PATH + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Map<?, ?> body = page(call("GET", path, first.owner(), null, null, "check whether the demo catalogue is loaded"), path);
            if (body.get("items") instanceof List<?> items && items.stream().anyMatch(i -> hasTitle(i, first.title().zh()))) return true;
            if (!(body.get("nextCursor") instanceof String next)) return false;
            cursor = next;
        }
        return false;
    }

    private static Map<?, ?> page(Response r, String path) {
        try {
            if (Json.parse(r.body()) instanceof Map<?, ?> m) return m;
        } catch (IllegalArgumentException e) {
            throw new LoadFailed("GET " + path + ": the response is not JSON: " + r.body(), e);
        }
        throw new LoadFailed("GET " + path + ": the response is not a page: " + r.body(), null);
    }

    private static boolean hasTitle(Object item, String zh) {
        return item instanceof Map<?, ?> m && m.get("title") instanceof Map<?, ?> t && zh.equals(t.get("zh"));
    }

    private void achievement(DemoAchievement a, List<DemoDocument> docs) {
        String what = "achievement #" + a.index() + " '" + a.title().en() + "'";
        Response created = call("POST", "/api/v1/achievements", a.owner(), JSON, utf8(a.json()), what);
        String base = "/api/v1/achievements/" + id(created, "POST /api/v1/achievements", what);
        for (DemoDocument doc : docs) {
            Multipart m = Multipart.of(doc);
            call("POST", base + "/documents", a.owner(), m.contentType(), m.body(), what + ", document " + doc.filename());
            uploads.incrementAndGet();
        }
        call("POST", base + "/submission", a.owner(), null, null, what);
        call("POST", base + "/review", DemoCatalogue.REVIEWER, JSON, APPROVE, what);
    }

    private void demand(DemoDemand d) {
        String what = "demand #" + d.index() + " '" + d.title().en() + "'";
        Response created = call("POST", "/api/v1/demands", d.owner(), JSON, utf8(d.json()), what);
        call("POST", "/api/v1/demands/" + id(created, "POST /api/v1/demands", what) + "/submission", d.owner(), null, null, what);
    }

    private Response call(String method, String path, String client, String contentType, byte[] body, String what) {
        for (int attempt = 0; ; attempt++) {
            Response r;
            try {
                r = api.send(method, path, client, contentType, body);
            } catch (IOException e) {
                throw new LoadFailed(method + " " + path + " as " + client + " (" + what + ") failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadFailed(method + " " + path + " interrupted", e);
            }
            if (r.ok()) return r;
            if (r.status() == 503 && attempt < MAX_RETRIES) {
                sleep(firstBackoff.multipliedBy(1L << attempt));
                continue;
            }
            throw new LoadFailed(method + " " + path + " as " + client + " (" + what + ") failed with HTTP " + r.status()
                + (attempt > 0 ? " after " + attempt + " retries" : "") + ":\n" + r.body(), null);
        }
    }

    private static String id(Response r, String request, String what) {
        String id = Json.member(r.body(), "id");
        if (id == null || id.isBlank()) throw new LoadFailed(request + " (" + what + ") answered " + r.status() + " without an id:\n" + r.body(), null);
        return id;
    }

    /** Runs the tasks with at most {@code concurrency} at a time; the first failure cancels the rest and is rethrown. */
    private void run(List<Runnable> tasks) {
        if (concurrency == 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "demo-load");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Void> done = new ExecutorCompletionService<>(pool);
            List<Future<Void>> futures = tasks.stream().map(t -> done.submit(t, null)).toList();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof LoadFailed f) throw f;
                    throw new LoadFailed("demo load failed: " + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailed("demo load interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailed("interrupted while waiting to retry", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
