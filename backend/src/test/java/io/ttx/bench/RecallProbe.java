package io.ttx.bench;

import io.ttx.demodata.DemoAchievement;
import io.ttx.demodata.DemoCatalogue;
import io.ttx.demodata.DemoDocument;
import io.ttx.demodata.DemoLoad;
import io.ttx.demodata.HttpApi;
import io.ttx.demodata.SeedLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recall of the search API on SearchRelevanceIT's recall set, measured the IT's way in the benchmark's own stack so
 * that a cheaper query cannot buy speed with relevance unnoticed. The demo catalogue (infra/demo-data) is loaded
 * through the API as the seed command and the IT load it, but one record after another: ids are time-ordered and
 * break ties between equal scores, so ties fall the same way on every run. Each pair of
 * {@code search/recall-set.tsv} is searched as {@code enterprise}, and it is found when an expected record is among
 * the first K demo records of the results; other records are skipped, as the IT skips other tests' records. The IT
 * reads one page of 50, enough when the other records are a few; among 100,000 generated records of the same topics
 * the demo records drop off that page, so the results are read page by page (100 a page, at most {@link #DEPTH})
 * until K + 1 demo records are seen, and what the IT's page alone would have found is counted as well.
 * The set ({@code io.ttx.search.RecallSet}) is read reflectively and K and the thresholds from SearchRelevanceIT's
 * source: both are package-private to the IT's package, and initialising the IT class would install BlockHound here.
 */
final class RecallProbe {
    private static final String SET = "/search/recall-set.tsv";
    private static final String ALIAS = "achievements";
    /** The IT's page size: its figure counts only the demo records among these first results. */
    private static final int IT_PAGE = 50;
    /** Results read at most per pair (the API's largest page is 100). */
    private static final int DEPTH = 2000;

    record Pair(int line, String query, String expectation, String kind, boolean meantToShareNoToken, List<DemoAchievement> expected) { }

    /** K and the minimum recall@K of all pairs and of the pairs sharing no title token, as SearchRelevanceIT has them. */
    record Thresholds(int k, double all, double noSharedToken) { }

    /**
     * One pair's result: rank among the demo hits (-1 = not among them), the position of that record among all
     * results, the first K demo hits, and whether a tie decided it.
     */
    record Outcome(Pair pair, int rank, int position, List<DemoAchievement> top, long total, boolean sharesNoToken, boolean tieDecides, int k) {
        boolean found() {
            return rank >= 1 && rank <= k;
        }

        /** Found on the IT's single page of results. */
        boolean foundOnItsPage() {
            return found() && position <= IT_PAGE;
        }
    }

    record Figures(String label, int k, List<Outcome> outcomes) {
        List<Outcome> noSharedToken() {
            return outcomes.stream().filter(o -> o.pair().meantToShareNoToken() && o.sharesNoToken()).toList();
        }

        static long found(List<Outcome> os) {
            return os.stream().filter(Outcome::found).count();
        }

        static double recall(List<Outcome> os) {
            return os.isEmpty() ? 0 : (double) found(os) / os.size();
        }

        long ties() {
            return outcomes.stream().filter(Outcome::tieDecides).count();
        }

        long foundOnItsPage() {
            return outcomes.stream().filter(Outcome::foundOnItsPage).count();
        }
    }

    private record Hit(DemoAchievement achievement, Double score) { }

    private final HttpClient http;
    private final String backend;
    private final String es;
    private final UnaryOperator<String> bearer;
    private final List<Pair> pairs = pairs();
    private final Map<String, Set<String>> tokens = new HashMap<>();
    private final Map<String, DemoAchievement> demoById = new ConcurrentHashMap<>();
    private int briefsIndexed;
    private int briefsPublic;

    RecallProbe(HttpClient http, String backend, String es, UnaryOperator<String> bearer) {
        this.http = http;
        this.backend = backend;
        this.es = es;
        this.bearer = bearer;
    }

    int pairCount() {
        return pairs.size();
    }

    // ------------------------------------------------------------------------------------------------ the set

    /** RecallSet.read(SET), its pairs copied into {@link Pair}. */
    private static List<Pair> pairs() {
        try {
            Class<?> set = Class.forName("io.ttx.search.RecallSet");
            Method read = set.getDeclaredMethod("read", String.class);
            read.setAccessible(true);
            List<Pair> out = new ArrayList<>();
            for (Object p : (List<?>) read.invoke(null, SET)) {
                Map<String, Object> c = new HashMap<>();
                for (RecordComponent rc : p.getClass().getRecordComponents()) {
                    Method m = rc.getAccessor();
                    m.setAccessible(true);
                    c.put(rc.getName(), m.invoke(p));
                }
                Method meant = p.getClass().getDeclaredMethod("meantToShareNoToken");
                meant.setAccessible(true);
                @SuppressWarnings("unchecked")
                List<DemoAchievement> expected = (List<DemoAchievement>) c.get("expected");
                out.add(new Pair((Integer) c.get("line"), (String) c.get("query"), (String) c.get("expectation"), (String) c.get("kind"),
                    (Boolean) meant.invoke(p), expected));
            }
            return out;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot read the recall set through io.ttx.search.RecallSet.read (has it changed?): " + e, e);
        }
    }

    /** K and the thresholds from SearchRelevanceIT's source (its constants; see the class comment for why not loaded). */
    static Thresholds thresholds(Path itSource) throws IOException {
        String src = Files.readString(itSource);
        return new Thresholds((int) constant(src, "int", "K"), constant(src, "double", "MIN_RECALL_AT_3"),
            constant(src, "double", "MIN_RECALL_AT_3_NO_SHARED_TOKEN"));
    }

    private static double constant(String src, String type, String name) {
        Matcher m = Pattern.compile("static final " + type + " " + name + " = ([0-9.]+);").matcher(src);
        if (!m.find()) throw new IllegalStateException("SearchRelevanceIT has no constant '" + type + " " + name + "' any more");
        return Double.parseDouble(m.group(1));
    }

    // ------------------------------------------------------------------------------------------------ the catalogue

    /** Loads the demo catalogue through the API as its owners and the broker (dev IdP tokens), one record at a time. */
    DemoLoad.Result loadDemo(String idp) {
        SeedLoader loader = new SeedLoader(backend, idp);
        Map<String, DemoAchievement> byTitle = new HashMap<>();
        DemoCatalogue.achievements().forEach(a -> byTitle.put(a.title().zh(), a));
        HttpApi api = (method, path, client, contentType, body) -> {
            HttpApi.Response r = loader.send(method, path, client, contentType, body);
            if (r.ok() && method.equals("POST") && path.equals("/api/v1/achievements")) {
                JsonNode created = SearchBench.JSON.readTree(r.body());
                DemoAchievement a = byTitle.get(created.at("/title/zh").asString());
                if (a != null) demoById.put(created.get("id").asString(), a);
            }
            return r;
        };
        DemoLoad.Result result = new DemoLoad(api, 1, Duration.ofMillis(500)).load(DemoCatalogue.catalogue(), true);
        if (demoById.size() != DemoCatalogue.achievements().size()) {
            throw new IllegalStateException("the demo load created " + demoById.size() + " of " + DemoCatalogue.achievements().size() + " achievements");
        }
        return result;
    }

    int demoAchievements() {
        return demoById.size();
    }

    /**
     * Polls until every demo achievement is in the index and the text of every public brief has reached its record
     * (extraction runs after the upload), then merges the index into one segment: the briefs' records were indexed
     * twice, and deleted copies would otherwise count in the term statistics until a merge that may or may not have
     * run. A brief whose text does not arrive in time is reported, not fatal.
     */
    void awaitIndexed(Duration deadline) throws IOException, InterruptedException {
        List<String> ids = List.copyOf(demoById.keySet());
        long end = System.nanoTime() + deadline.toNanos();
        long count;
        while ((count = count(ids)) < ids.size()) {
            if (System.nanoTime() > end) throw new IllegalStateException("only " + count + " of " + ids.size() + " demo achievements indexed after " + deadline);
            Thread.sleep(200);
        }
        Set<Integer> briefed = new LinkedHashSet<>();
        DemoCatalogue.documents().stream().filter(d -> d.confidentiality().equals("PUBLIC")).map(DemoDocument::achievementIndex).forEach(briefed::add);
        List<String> briefIds = demoById.entrySet().stream().filter(e -> briefed.contains(e.getValue().index())).map(Map.Entry::getKey).toList();
        briefsPublic = briefIds.size();
        while ((briefsIndexed = withDocText(briefIds)) < briefIds.size() && System.nanoTime() < end) Thread.sleep(200);
        if (briefsIndexed < briefsPublic) SearchBench.say("only %d of %d public briefs' text indexed after %s; recall measured anyway", briefsIndexed, briefsPublic, deadline);
        expect200(es("POST", "/" + ALIAS + "/_forcemerge?max_num_segments=1", null), "force merge");
        expect200(es("POST", "/" + ALIAS + "/_refresh", null), "refresh");
    }

    private long count(List<String> ids) throws IOException, InterruptedException {
        ObjectNode body = SearchBench.JSON.createObjectNode();
        idsQuery(body, ids);
        HttpResponse<String> r = es("POST", "/" + ALIAS + "/_count", body.toString());
        return r.statusCode() == 200 ? SearchBench.JSON.readTree(r.body()).get("count").asLong() : -1;
    }

    private int withDocText(List<String> ids) throws IOException, InterruptedException {
        ObjectNode body = SearchBench.JSON.createObjectNode();
        body.put("size", ids.size()).putArray("_source").add("docText");
        idsQuery(body, ids);
        HttpResponse<String> r = es("POST", "/" + ALIAS + "/_search", body.toString());
        if (r.statusCode() != 200) return 0;
        int n = 0;
        for (JsonNode h : SearchBench.JSON.readTree(r.body()).at("/hits/hits")) if (!h.at("/_source/docText").asString("").isBlank()) n++;
        return n;
    }

    private static void idsQuery(ObjectNode body, List<String> ids) {
        ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
    }

    // ------------------------------------------------------------------------------------------------ measuring

    Figures measure(String label, int k) throws IOException, InterruptedException {
        List<Outcome> out = new ArrayList<>();
        for (Pair p : pairs) out.add(run(p, k));
        Figures f = new Figures(label, k, out);
        SearchBench.say("recall@%d, %s: %.3f (%d of %d), sharing no title token %.3f (%d of %d), on the IT's page of %d alone %d of %d, "
            + "%d decided by a tie", k, label, Figures.recall(out), Figures.found(out), out.size(), Figures.recall(f.noSharedToken()),
            Figures.found(f.noSharedToken()), f.noSharedToken().size(), IT_PAGE, f.foundOnItsPage(), out.size(), f.ties());
        return f;
    }

    private Outcome run(Pair p, int k) throws IOException, InterruptedException {
        List<Hit> hits = new ArrayList<>();
        int read = 0;
        int position = -1;
        long total = -1;
        String cursor = null;
        do { // pages until K + 1 demo hits (the one after K tells whether a tie decided), the end, or DEPTH results
            String url = backend + "/api/v1/search/achievements?size=100&q=" + URLEncoder.encode(p.query(), StandardCharsets.UTF_8)
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer.apply("enterprise"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            expect200(r, "search for recall pair on line " + p.line());
            JsonNode result = SearchBench.JSON.readTree(r.body());
            if (total < 0) total = result.at("/total/value").asLong();
            for (JsonNode i : result.get("items")) {
                read++;
                DemoAchievement a = demoById.get(i.get("id").asString());
                if (a == null) continue;
                hits.add(new Hit(a, i.path("score").isNumber() ? i.get("score").asDouble() : null));
                if (position < 0 && p.expected().contains(a)) position = read;
            }
            cursor = result.path("nextCursor").isString() ? result.get("nextCursor").asString() : null;
        } while (cursor != null && hits.size() <= k && read < DEPTH);
        int rank = -1;
        for (int i = 0; i < hits.size() && rank < 0; i++) if (p.expected().contains(hits.get(i).achievement())) rank = i + 1;
        boolean sharesNone = true;
        if (p.meantToShareNoToken()) {
            for (DemoAchievement a : p.expected()) {
                sharesNone &= !intersects(analyze("zh_index", p.query()), analyze("zh_index", a.title().zh()));
                sharesNone &= !intersects(analyze("en_index", p.query()), analyze("en_index", a.title().en()));
            }
        }
        List<DemoAchievement> top = hits.stream().limit(k).map(Hit::achievement).toList();
        return new Outcome(p, rank, position, top, total, p.meantToShareNoToken() && sharesNone, tieDecides(hits, p.expected(), k), k);
    }

    /**
     * True when the demo hits at ranks K and K+1 score the same and that tie group holds both an expected and another
     * record with no expected one above it: the order inside the group (the id, here the load order) decides the pair.
     */
    private static boolean tieDecides(List<Hit> hits, List<DemoAchievement> expected, int k) {
        if (hits.size() <= k || hits.get(k - 1).score() == null || !Objects.equals(hits.get(k - 1).score(), hits.get(k).score())) return false;
        Double s = hits.get(k - 1).score();
        int first = k - 1;
        while (first > 0 && s.equals(hits.get(first - 1).score())) first--;
        for (int i = 0; i < first; i++) if (expected.contains(hits.get(i).achievement())) return false;
        boolean in = false;
        boolean other = false;
        for (int i = first; i < hits.size() && s.equals(hits.get(i).score()); i++) {
            if (expected.contains(hits.get(i).achievement())) in = true;
            else other = true;
        }
        return in && other;
    }

    /** The tokens one of the index's analysers makes of a text (synonyms apply only at search time, so none here). */
    private Set<String> analyze(String analyzer, String text) throws IOException, InterruptedException {
        String key = analyzer + "\u0000" + text;
        Set<String> cached = tokens.get(key);
        if (cached != null) return cached;
        ObjectNode body = SearchBench.JSON.createObjectNode().put("analyzer", analyzer).put("text", text);
        HttpResponse<String> r = es("POST", "/" + ALIAS + "/_analyze", body.toString());
        expect200(r, "analyze");
        Set<String> out = new LinkedHashSet<>();
        SearchBench.JSON.readTree(r.body()).get("tokens").forEach(t -> out.add(t.get("token").asString()));
        tokens.put(key, out);
        return out;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private HttpResponse<String> es(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(es + path)).timeout(Duration.ofMinutes(2));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect200(HttpResponse<String> r, String what) {
        if (r.statusCode() != 200) throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
    }

    // ------------------------------------------------------------------------------------------------ report

    /** The recall table (one row per index state), what the generated records changed, and the pairs missed. */
    String markdown(Thresholds t, List<Figures> figures) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Recall@%d of SearchRelevanceIT's recall set (`search/recall-set.tsv`, %d pairs; the IT's method: "
            + "searched as `enterprise`, found when an expected record is among the first %d demo records of the results, other records "
            + "skipped; read page by page up to %,d results, where the IT reads one page of %d) on the demo catalogue loaded through the "
            + "API, one record after another (ties, which the id breaks, fall the same way every run); the text of %d of %d public "
            + "briefs indexed; thresholds from SearchRelevanceIT:%n%n", t.k(), pairs.size(), t.k(), DEPTH, IT_PAGE, briefsIndexed, briefsPublic));
        b.append(String.format(Locale.ROOT, "| index | all pairs (threshold %.2f) | sharing no title token (threshold %.2f) | all pairs, on the IT's "
            + "first %d results only | pairs a tie at rank %d decided |%n", t.all(), t.noSharedToken(), IT_PAGE, t.k()));
        b.append("|---|---|---|---|---|\n");
        for (Figures f : figures) {
            List<Outcome> ns = f.noSharedToken();
            double all = Figures.recall(f.outcomes());
            double none = Figures.recall(ns);
            b.append(String.format(Locale.ROOT, "| %s | **%.3f** (%d of %d, %s) | **%.3f** (%d of %d, %s) | %.3f (%d of %d) | %d |%n", f.label(),
                all, Figures.found(f.outcomes()), f.outcomes().size(), all >= t.all() ? "met" : "MISSED", none, Figures.found(ns), ns.size(),
                none >= t.noSharedToken() ? "met" : "MISSED", (double) f.foundOnItsPage() / Math.max(1, f.outcomes().size()), f.foundOnItsPage(),
                f.outcomes().size(), f.ties()));
        }
        if (figures.size() == 2) {
            Figures alone = figures.get(0);
            Figures mixed = figures.get(1);
            b.append('\n').append(change(alone, mixed));
            if (mixed.foundOnItsPage() < alone.foundOnItsPage()) {
                b.append(String.format(Locale.ROOT, " Counted on the IT's first %d results alone, the pairs found fall from %d to %d of %d: drawn from the "
                    + "same topics, the generated records fill that page ahead of the demo records, which the first two columns rank among "
                    + "themselves.", IT_PAGE, alone.foundOnItsPage(), mixed.foundOnItsPage(), mixed.outcomes().size()));
            }
            b.append('\n');
        }
        for (Figures f : figures) {
            List<Outcome> missed = f.outcomes().stream().filter(o -> !o.found()).toList();
            if (missed.isEmpty()) continue;
            b.append(String.format(Locale.ROOT, "%nMissed, %s:%n", f.label()));
            missed.stream().limit(12).forEach(o -> b.append(String.format(Locale.ROOT, "- line %d (%s) `%s` -> %s: %s; first demo hits: %s%n",
                o.pair().line(), o.pair().kind(), o.pair().query(), o.pair().expectation(),
                o.rank() < 0 ? "no expected record among the demo records read (" + o.total() + " matches)"
                    : "rank " + o.rank() + " among the demo records, result " + o.position(),
                o.top().isEmpty() ? "none" : String.join(" / ", o.top().stream().map(a -> "#" + a.index() + " " + a.title().zh()).toList()))));
            if (missed.size() > 12) b.append(String.format(Locale.ROOT, "- and %d more%n", missed.size() - 12));
        }
        return b.toString();
    }

    /** Which pairs the generated records turned from found to missed and back. */
    private static String change(Figures alone, Figures mixed) {
        List<Integer> lost = new ArrayList<>();
        List<Integer> gained = new ArrayList<>();
        for (int i = 0; i < alone.outcomes().size(); i++) {
            boolean a = alone.outcomes().get(i).found();
            boolean m = mixed.outcomes().get(i).found();
            if (a && !m) lost.add(alone.outcomes().get(i).pair().line());
            if (!a && m) gained.add(alone.outcomes().get(i).pair().line());
        }
        if (lost.isEmpty() && gained.isEmpty()) return "The generated records change no pair's outcome: the same pairs are found with and without them.";
        return String.format(Locale.ROOT, "The generated records change recall@%d from %.3f to %.3f: %d pairs lost (lines %s), %d gained (lines %s).",
            alone.k(), Figures.recall(alone.outcomes()), Figures.recall(mixed.outcomes()), lost.size(), lost, gained.size(), gained);
    }
}
