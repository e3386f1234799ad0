import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The deals benchmark's driver (scripts/bench/deals.sh), run on the backend's own libraries:
 *   java -Dbench.api=URL -Dbench.idp=URL -Dbench.mongo=URI ... -cp 'lib/*' DealsBench.java
 * Setup: published achievements (tto creates and submits, broker approves), two deals on each (enterprise and
 * enterprise-2, exclusive licences on disjoint territories), each driven through the API to REGISTERED; then every
 * deal document is copied into a scratch collection of the same database (bench_deal_writes, new ids) for the raw side.
 * Measurement, per client count: one warm-up round and ROUNDS measured rounds per side, alternating API, raw, API,
 * raw... Every round each client records COMMANDS/clients (at least MIN_EACH) ROYALTY payments, one after another on
 * deals of its own (round robin over them; no two clients share a deal), or for a level "C/D" on any of D deals that
 * all C clients share (picked at random):
 *   api: POST /api/v1/deals/{id}/commands with If-Match = the version from the last answer's ETag; a 412 re-reads the
 *        deal (GET) and retries (counted); anything else but 200 or 412 fails the run;
 *   raw: the same state change straight on MongoDB with the same driver the backend uses: findOneAndUpdate on the
 *        copy, conditional on _id and version, $set of the deal state (with the payment appended), stage, parties and
 *        updatedAt, $push of the trail entry and of the event, $inc of version, returning the new document (as the
 *        backend's findAndModify does); a miss re-reads and retries (counted). The event push keeps only the newest
 *        event ($slice -1): the relay empties the API's pendingEvents, and nothing empties the copy's.
 * Latency is per accepted command (from the first send to its 200 / returned document, retries included). After an
 * API round the driver waits until the outbox relay has delivered the round's events, so that work is charged to the
 * API (CPU) and does not run in the next raw round. At the end of each level every deal (both sides) is checked:
 * still REGISTERED, version and payments grown by exactly the accepted commands.
 * CPU per command comes from /proc (backend, dev stack, this driver), net of their idle use measured after the levels.
 * With -Dbench.profile=LEVEL, one more API round at that level (not counted) runs under a JFR recording of the backend.
 * Prints progress to stderr and, on stdout, a line per round and the markdown tables.
 */
public class DealsBench {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String SCRATCH = "bench_deal_writes";
    static final String PAYMENT_TYPE = "DealPaymentRecorded";

    static String api, idp;
    static HttpClient http;
    static MongoCollection<Document> deals, scratch;
    static LocalDate day;
    static String payment;
    static String tto, broker;
    static long backendPid, stackPid;
    /** CPU seconds per second of each process with no request (relay polls, leases, Elasticsearch housekeeping). */
    static Cpu idle = new Cpu(0, 0, 0, 0, 0, 0);

    /**
     * A client count: {@code clients} clients, each sending {@code perClient} commands per round; with {@code shared}
     * false every client works on deals of its own ({@code deals / clients} each, round robin), with {@code shared} true
     * all clients pick among the same {@code deals} deals at random (contention: 412s).
     */
    record Level(int clients, int perClient, int deals, boolean shared, boolean profiled) {
        static Level of(String spec, int commands, int minEach, int rounds, int perDeal, String profile) {
            String[] p = spec.split("/");
            int clients = Integer.parseInt(p[0]);
            int each = Math.max(minEach, (commands + clients - 1) / clients);
            boolean profiled = spec.equals(profile);
            long total = (long) (rounds + 1 + (profiled ? 1 : 0)) * each * clients; // warm-up, measured and profiled rounds
            if (p.length == 1) {
                int perClient = (int) ((total / clients + perDeal - 1) / perDeal);
                return new Level(clients, each, clients * perClient, false, profiled);
            }
            int deals = Integer.parseInt(p[1]);
            if ((total + deals - 1) / deals > 990) {
                throw new IllegalArgumentException(spec + ": " + total + " commands on " + deals + " deals exceed what a deal takes (1,000 payments); fewer COMMANDS or ROUNDS");
            }
            return new Level(clients, each, deals, true, profiled);
        }

        String label() {
            return shared ? clients + " on " + deals + " shared deals" : String.valueOf(clients);
        }
    }

    /** One deal as a client knows it: its id, the version of the last answer and, on the raw side, the deal state. */
    static final class Target {
        final String id;
        final long startVersion;
        final int startPayments;
        long version;
        Document deal;
        int accepted;

        Target(String id, long version, int payments) {
            this.id = id;
            this.startVersion = version;
            this.startPayments = payments;
            this.version = version;
        }
    }

    /** {@code others}: the share of the machine's CPU that other processes used during the round (and its relay wait). */
    record Round(String side, int round, int commands, double ms, double perSecond, double p50, double p99, long conflicts, Cpu cpu,
                 double others) { }

    record Result(Level level, List<Round> api, List<Round> raw, String sizesBefore, String sizesAfter, String profile) { }

    public static void main(String[] args) throws Exception {
        // the MongoDB driver logs through logback, whose default is DEBUG on stdout
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        api = prop("api", null);
        idp = prop("idp", null);
        int rounds = Integer.parseInt(prop("rounds", "5"));
        int commands = Integer.parseInt(prop("commands", "1000"));
        int minEach = Integer.parseInt(prop("minEach", "20"));
        int perDeal = Integer.parseInt(prop("perDeal", "200"));
        int setupThreads = Integer.parseInt(prop("setupThreads", "4"));
        int idleSeconds = Integer.parseInt(prop("idle", "10"));
        String profile = prop("profile", "");
        backendPid = Long.parseLong(prop("backendPid", "0"));
        stackPid = Long.parseLong(prop("stackPid", "0"));
        if (perDeal < 1 || perDeal > 990) throw new IllegalArgumentException("perDeal must be 1..990 (a deal takes 1,000 payments)");
        List<Level> levels = new ArrayList<>();
        for (String spec : prop("levels", "1 16 64").trim().split("[ ,]+")) levels.add(Level.of(spec, commands, minEach, rounds, perDeal, profile));
        day = LocalDate.now(CHINA).minusDays(1); // never "after today" in China time, whatever the hour
        payment = "{\"type\":\"RECORD_PAYMENT\",\"kind\":\"ROYALTY\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"CNY\"},\"paidOn\":\"" + day + "\"}";
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        tto = token("tto");
        broker = token("broker");
        String[] buyers = {token("enterprise"), token("enterprise-2")};

        try (MongoClient mongo = MongoClients.create(prop("mongo", null))) {
            MongoDatabase db = mongo.getDatabase(prop("db", "ttx"));
            deals = db.getCollection("deals");
            scratch = db.getCollection(SCRATCH);
            Mono.from(scratch.drop()).block();

            // 1. the deals, through the API, up to REGISTERED
            int total = levels.stream().mapToInt(Level::deals).sum();
            log("setting up " + total + " deals on " + (total + 1) / 2 + " achievements (" + setupThreads + " at a time)...");
            long t0 = System.nanoTime();
            List<String> ids = setUp(total, buyers, setupThreads);
            log(String.format(Locale.ROOT, "%d deals REGISTERED in %.1f s", ids.size(), (System.nanoTime() - t0) / 1e9));
            waitForRelay();

            // 2. their copies for the raw side
            List<Document> copies = new ArrayList<>();
            for (String id : ids) {
                Document d = Mono.from(deals.find(Filters.eq("_id", id)).first()).block();
                if (d == null || !"REGISTERED".equals(d.getString("stage"))) throw new IllegalStateException("deal " + id + " is not REGISTERED");
                d.put("_id", "bench-" + id);
                d.put("pendingEvents", new ArrayList<>());
                copies.add(d);
            }
            Mono.from(scratch.insertMany(copies)).block();

            // 3. the levels
            int next = 0;
            List<Result> results = new ArrayList<>();
            for (Level level : levels) {
                List<String> mine = ids.subList(next, next + level.deals());
                next += level.deals();
                List<List<Target>> apiTargets = assign(level, mine, id -> target(deals, id, id));
                List<List<Target>> rawTargets = assign(level, mine, id -> target(scratch, id, "bench-" + id));
                String sizesBefore = sizes(mine);
                log(String.format(Locale.ROOT, "%s clients: %d deals, %d commands per client and round; warm-up round, then %d rounds",
                    level.label(), level.deals(), level.perClient(), rounds));
                List<Round> apiRounds = new ArrayList<>();
                List<Round> rawRounds = new ArrayList<>();
                for (int r = 0; r <= rounds; r++) {
                    Round a = run("api", r, level, apiTargets);
                    Round w = run("raw", r, level, rawTargets);
                    for (Round x : List.of(a, w)) {
                        System.out.printf(Locale.ROOT, "round %s %d %s %d %.0f %.1f %.2f %.2f %d%s%n", level.label().replace(' ', '_'), r, x.side(),
                            x.commands(), x.ms(), x.perSecond(), x.p50(), x.p99(), x.conflicts(), r == 0 ? " (warm-up)" : "");
                    }
                    if (r > 0) {
                        apiRounds.add(a);
                        rawRounds.add(w);
                    }
                }
                String sizesAfter = sizes(mine);
                String profiled = level.profiled() ? profile(level, apiTargets, rounds + 1) : null;
                check(apiTargets, deals, "API");
                check(rawTargets, scratch, "raw");
                results.add(new Result(level, apiRounds, rawRounds, sizesBefore, sizesAfter, profiled));
            }

            // 4. what the processes use with no request, subtracted from each round's CPU
            waitForRelay();
            Cpu before = Cpu.now();
            Thread.sleep(idleSeconds * 1000L);
            idle = Cpu.now().minus(before);
            log(String.format(Locale.ROOT, "idle for %d s: backend %.0f %%, dev stack %.0f %%, driver %.0f %% of a core", idleSeconds,
                100 * idle.backendS() / idle.wallS(), 100 * idle.stackS() / idle.wallS(), 100 * idle.selfS() / idle.wallS()));
            print(results);
        }
    }

    static void print(List<Result> results) {
        System.out.println();
        System.out.println("| clients | deals | API cmd/s | raw cmd/s | API/raw throughput (per round) | API p50 (ms) | raw p50 (ms) | API p99 (ms) | raw p99 (ms) | API/raw p99 | 412s / raw misses |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            double apiRate = median(r.api(), Round::perSecond), rawRate = median(r.raw(), Round::perSecond);
            double apiP99 = median(r.api(), Round::p99), rawP99 = median(r.raw(), Round::p99);
            List<String> perRound = new ArrayList<>();
            for (int i = 0; i < r.api().size(); i++) {
                perRound.add(String.format(Locale.ROOT, "%.2f", r.api().get(i).perSecond() / r.raw().get(i).perSecond()));
            }
            Level l = r.level();
            System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f | **%.2f** (%s) | %.1f | %.1f | %.1f | %.1f | **%.2f** | %d / %d |%n",
                l.clients(), l.shared() ? l.deals() + ", shared by all clients" : l.deals() + ", " + l.deals() / l.clients() + " per client, none shared",
                apiRate, rawRate, apiRate / rawRate, String.join(", ", perRound), median(r.api(), Round::p50), median(r.raw(), Round::p50),
                apiP99, rawP99, apiP99 / rawP99, r.api().stream().mapToLong(Round::conflicts).sum(), r.raw().stream().mapToLong(Round::conflicts).sum());
        }
        if (TORN.get() > 0) {
            System.out.printf(Locale.ROOT, "%nThe raw side's re-reads after a miss came back torn %d times (old `deal`, new `version`: the dev stack's MongoDB "
                + "server encodes a document outside its lock while an update of it runs) and were read again.%n", TORN.get());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "CPU per command (/proc, all threads; medians over the rounds), net of idle use (measured for %.0f s after the "
            + "levels: backend %.0f %%, dev stack %.0f %%, driver %.0f %% of a core); an API round's CPU includes the outbox relay delivering its "
            + "events:%n%n", idle.wallS(), 100 * idle.backendS() / idle.wallS(), 100 * idle.stackS() / idle.wallS(), 100 * idle.selfS() / idle.wallS());
        System.out.println("| clients | side | backend (ms/cmd) | dev stack (ms/cmd) | driver (ms/cmd) | machine busy | other processes (per round) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.println(cpuRow(r.level(), "API", r.api()));
            System.out.println(cpuRow(r.level(), "raw", r.raw()));
        }
        System.out.println();
        System.out.println("| clients | deal documents before the warm-up: API, raw (KB, BSON) | after the last measured round: API, raw |");
        System.out.println("|---|---|---|");
        for (Result r : results) System.out.printf("| %s | %s | %s |%n", r.level().label(), r.sizesBefore(), r.sizesAfter());
        for (Result r : results) {
            if (r.profile() != null) System.out.println(r.profile());
        }
    }

    /**
     * One more API round (not counted) with a JFR recording of the backend ({@code settings=profile}), summed up by the
     * innermost frame that names a component, with the inclusive shares of the object mapping and the hottest methods.
     */
    static String profile(Level level, List<List<Target>> apiTargets, int round) throws Exception {
        Path file = Path.of(prop("profileDir", System.getProperty("java.io.tmpdir")), "backend-" + level.clients() + ".jfr");
        jcmd("JFR.start", "name=deals-bench", "settings=profile", "filename=" + file);
        Round r = run("api", round, level, apiTargets);
        jcmd("JFR.stop", "name=deals-bench");
        Map<String, Integer> components = new LinkedHashMap<>();
        Map<String, Integer> methods = new java.util.HashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        int n = 0;
        for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
            List<jdk.jfr.consumer.RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) continue;
            n++;
            jdk.jfr.consumer.RecordedMethod top = frames.getFirst().getMethod();
            methods.merge(top.getType().getName() + "." + top.getName(), 1, Integer::sum);
            String component = "JDK only (threads, I/O, collections, ...)";
            for (jdk.jfr.consumer.RecordedFrame f : frames) {
                String c = component(f.getMethod().getType().getName());
                if (c != null) {
                    component = c;
                    break;
                }
            }
            components.merge(component, 1, Integer::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (jdk.jfr.consumer.RecordedFrame f : frames) {
                String t = f.getMethod().getType().getName(), m = f.getMethod().getName();
                if (t.endsWith("MappingMongoConverter") && (m.startsWith("read") || m.equals("convert"))) seen.add("Spring Data MongoDB: documents to objects (MappingMongoConverter read)");
                if (t.endsWith("MappingMongoConverter") && m.startsWith("write")) seen.add("Spring Data MongoDB: objects to documents (MappingMongoConverter write)");
                if (t.startsWith("org.bson.BsonBinaryReader") || t.startsWith("org.bson.io.") || t.startsWith("org.bson.codecs.")) {
                    seen.add("MongoDB driver: BSON decoding and encoding (org.bson readers, buffers and codecs)");
                }
                if (t.startsWith("tools.jackson")) seen.add("Jackson (request and response JSON)");
                if (t.startsWith("io.ttx.shared.outbox")) seen.add("outbox relay (io.ttx.shared.outbox on the stack)");
                if (t.startsWith("org.springframework.security") || t.startsWith("com.nimbusds")) seen.add("Spring Security (bearer token)");
            }
            seen.forEach(k -> inclusive.merge(k, 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nJFR of the backend during one more API round with %s (not counted; %d commands, %.1f cmd/s, "
            + "p50 %.1f ms; `settings=profile`, recording until the relay delivered the round's events): %d execution samples.%n%n",
            level.shared() ? level.clients() + " clients on " + level.deals() + " shared deals" : level.clients() + " clients", r.commands(),
            r.perSecond(), r.p50(), n));
        int total = n;
        out.append("| component (innermost frame that names one) | share of samples |\n|---|---|\n");
        components.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .forEach(c -> out.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", c.getKey(), 100.0 * c.getValue() / total)));
        out.append("\n| on the stack (inclusive) | share of samples |\n|---|---|\n");
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .forEach(c -> out.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", c.getKey(), 100.0 * c.getValue() / total)));
        out.append("\n| hottest methods (self) | share |\n|---|---|\n");
        methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
            .forEach(c -> out.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", c.getKey(), 100.0 * c.getValue() / total)));
        return out.toString();
    }

    static String component(String type) {
        if (type.startsWith("org.springframework.data")) return "Spring Data MongoDB (object mapping, template)";
        if (type.startsWith("org.bson") || type.startsWith("com.mongodb")) return "MongoDB driver and BSON";
        if (type.startsWith("tools.jackson") || type.startsWith("com.fasterxml")) return "Jackson (JSON)";
        if (type.startsWith("reactor.netty") || type.startsWith("io.netty")) return "Netty (HTTP and MongoDB I/O)";
        if (type.startsWith("reactor.")) return "Reactor";
        if (type.startsWith("org.springframework.security") || type.startsWith("com.nimbusds")) return "Spring Security (bearer token)";
        if (type.startsWith("org.springframework.web") || type.startsWith("org.springframework.http")) return "Spring WebFlux";
        if (type.startsWith("io.ttx.brokerage.domain")) return "TTX brokerage domain (decide)";
        if (type.startsWith("io.ttx.shared.outbox")) return "TTX outbox relay";
        if (type.startsWith("io.ttx.")) return "TTX (other)";
        if (type.startsWith("io.micrometer")) return "Micrometer (metrics, observations)";
        if (type.startsWith("ch.qos.logback") || type.startsWith("org.slf4j")) return "logging";
        if (type.startsWith("org.springframework")) return "Spring (other)";
        if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.")) return null;
        return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
    }

    static void jcmd(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(backendPid)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }

    static Target target(MongoCollection<Document> coll, String id, String key) {
        Document d = Mono.from(coll.find(Filters.eq("_id", key)).first()).block();
        Document deal = d.get("deal", Document.class);
        Target t = new Target(key, d.getLong("version"), deal.getList("payments", Document.class).size());
        t.deal = deal;
        return t;
    }

    // ---- setup over the API ----

    static List<String> setUp(int total, String[] buyers, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> tasks = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (int a = 0; a < (total + 1) / 2; a++) {
                int n = Math.min(2, total - 2 * a);
                tasks.add(pool.submit(() -> {
                    String achievement = achievement();
                    List<String> out = new ArrayList<>();
                    for (int b = 0; b < n; b++) out.add(registeredDeal(achievement, buyers[b], b == 0 ? "310000" : "340000"));
                    int k = done.incrementAndGet();
                    if (k % 10 == 0) log(k + " achievements done");
                    return out;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> f : tasks) ids.addAll(f.get());
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    static String achievement() throws Exception {
        String body = """
            {"title": {"zh": "基于深度学习的锂电池健康状态预测方法", "en": "Deep-learning prediction of lithium battery state of health"},
             "summary": {"zh": "利用充放电曲线在线估计锂电池健康状态。", "en": "Online state-of-health estimation from charge curves."},
             "problemSolved": "Ageing is detected too late.", "advantages": "No extra sensors.",
             "technicalIndicators": "SOH error below 2 %", "applications": "Energy storage",
             "keywords": ["锂电池", "battery", "deep learning"], "field": "NEW_ENERGY", "ipcCodes": ["H01M 10/48"],
             "industryCode": "C3841", "region": "330100", "trl": 6, "stage": "PILOT", "form": "PATENT",
             "inventors": [{"name": "王明", "share": 60.5}, {"name": "Li Hua", "share": 39.5}],
             "contact": {"name": "张老师", "email": "tto@example.edu.cn", "phone": "+86-571-8888-0000"},
             "openLicence": false,
             "offer": {"transferModes": ["EXCLUSIVE_LICENCE", "ASSIGNMENT"], "tradeMethod": "NEGOTIATED",
                       "askingPrice": {"amount": "1200000", "currency": "CNY"}}}""";
        String id = expect(send(post("/api/v1/achievements", tto, body)), 201, "creating an achievement").get("id").asString();
        expect(send(post("/api/v1/achievements/" + id + "/submission", tto, null)), 200, "submitting " + id);
        expect(send(post("/api/v1/achievements/" + id + "/review", broker, "{\"decision\":\"APPROVE\"}")), 200, "approving " + id);
        return id;
    }

    static String registeredDeal(String achievement, String buyer, String territory) throws Exception {
        HttpResponse<String> opened = send(post("/api/v1/deals", buyer, "{\"achievementId\":\"" + achievement + "\",\"intendedMode\":\"EXCLUSIVE_LICENCE\"}"));
        String id = expect(opened, 201, "opening a deal on " + achievement).get("id").asString();
        long v = etag(opened);
        String money = "{\"amount\":\"100.00\",\"currency\":\"CNY\"}";
        v = step(broker, id, v, "{\"type\":\"CLAIM\"}", "BROKER_ASSIGNED");
        v = step(tto, id, v, "{\"type\":\"SIGN_NDA\",\"signatory\":\"王处长\",\"ndaVersion\":\"v1\"}", "BROKER_ASSIGNED");
        v = step(buyer, id, v, "{\"type\":\"SIGN_NDA\",\"signatory\":\"李经理\",\"ndaVersion\":\"v1\"}", "NDA_SIGNED");
        v = step(buyer, id, v, "{\"type\":\"PROPOSE_TERMS\",\"termSheet\":{\"transferMode\":\"EXCLUSIVE_LICENCE\",\"fieldOfUse\":[\"C38\"],"
            + "\"territory\":[\"" + territory + "\"],\"termStart\":\"" + day.withDayOfYear(1) + "\",\"termEnd\":\"" + day.plusYears(5)
            + "\",\"upfront\":" + money + ",\"royaltyTiers\":[{\"rate\":\"0.05\"}]}}", "NEGOTIATION");
        v = step(tto, id, v, "{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":1}", "TERMS_AGREED");
        v = step(tto, id, v, "{\"type\":\"SIGN_CONTRACT\"}", "TERMS_AGREED");
        v = step(buyer, id, v, "{\"type\":\"SIGN_CONTRACT\"}", "CONTRACT_SIGNED");
        step(broker, id, v, "{\"type\":\"REGISTER_CONTRACT\",\"registrationNumber\":\"R-" + id + "\",\"registeredOn\":\"" + day
            + "\",\"contractType\":\"LICENSING\",\"contractValue\":" + money + ",\"technicalIncome\":" + money + "}", "REGISTERED");
        return id;
    }

    /** One setup command on the version known; expects 200 and the stage; returns the new version. */
    static long step(String token, String deal, long version, String json, String stage) throws Exception {
        HttpResponse<String> r = send(command(deal, token, version, json));
        String got = expect(r, 200, "command " + json + " on " + deal).get("stage").asString();
        if (!stage.equals(got)) throw new IllegalStateException("deal " + deal + " is " + got + " after " + json + ", expected " + stage);
        return etag(r);
    }

    // ---- the measured rounds ----

    /** Client i gets deals i, i + clients, i + 2 clients, ... of the level's deals; or, shared, each client all of them. */
    static List<List<Target>> assign(Level level, List<String> ids, Function<String, Target> target) {
        List<List<Target>> out = new ArrayList<>();
        for (int c = 0; c < level.clients(); c++) out.add(new ArrayList<>());
        for (int i = 0; i < ids.size(); i++) {
            if (level.shared()) for (List<Target> mine : out) mine.add(target.apply(ids.get(i)));
            else out.get(i % level.clients()).add(target.apply(ids.get(i)));
        }
        return out;
    }

    static Round run(String side, int round, Level level, List<List<Target>> targets) throws Exception {
        int clients = level.clients(), each = level.perClient();
        long[][] latencies = new long[clients][each];
        AtomicLong conflicts = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(clients), go = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            String token = c % 2 == 0 ? tto : broker;
            String subject = c % 2 == 0 ? "tto" : "broker";
            Thread t = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    List<Target> mine = targets.get(client);
                    for (int i = 0; i < each; i++) {
                        Target target = mine.get(level.shared() ? ThreadLocalRandom.current().nextInt(mine.size()) : i % mine.size());
                        long s = System.nanoTime();
                        if (side.equals("api")) apiCommand(target, token, level.shared(), conflicts);
                        else rawCommand(target, subject, level.shared(), conflicts);
                        latencies[client][i] = System.nanoTime() - s;
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, side + "-client-" + c);
            threads.add(t);
            t.start();
        }
        ready.await();
        Cpu before = Cpu.now();
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : threads) t.join();
        long elapsed = System.nanoTime() - t0;
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException(side + " round " + round + " at " + clients + " clients failed: " + failures.getFirst().getMessage(), failures.getFirst());
            throw e;
        }
        if (side.equals("api")) waitForRelay(); // the relay's work on this round's events is the API's (CPU window)
        Cpu cpu = Cpu.now().minus(before);
        double others = cpu.otherShare();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        int n = all.length;
        return new Round(side, round, n, elapsed / 1e6, n / (elapsed / 1e9), pct(all, 0.50), pct(all, 0.99), conflicts.get(), cpu.per(n), others);
    }

    /**
     * One accepted command through the API. The answer's ETag is the deal's version after the command: one more than
     * the If-Match on a deal of one client's own; on a shared deal the dev stack's MongoDB server may answer a later
     * state (see {@link #rawCommand}), so only "later" is checked there.
     */
    static void apiCommand(Target t, String token, boolean shared, AtomicLong conflicts) throws Exception {
        while (true) {
            HttpResponse<byte[]> r = http.send(command(t.id, token, t.version, payment), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) {
                long v = etag(r);
                if (shared ? v <= t.version : v != t.version + 1) {
                    throw new IllegalStateException("deal " + t.id + " answered version " + v + " to If-Match " + t.version);
                }
                t.version = v;
                t.accepted++;
                return;
            }
            if (r.statusCode() != 412) {
                throw new IllegalStateException("RECORD_PAYMENT on " + t.id + " answered " + r.statusCode() + ": " + cut(new String(r.body(), StandardCharsets.UTF_8)));
            }
            conflicts.incrementAndGet();
            HttpResponse<byte[]> g = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/deals/" + t.id)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (g.statusCode() != 200) throw new IllegalStateException("re-reading " + t.id + " answered " + g.statusCode());
            t.version = etag(g);
        }
    }

    /**
     * The state change of one ROYALTY payment, as the backend writes it (DealStore.replace), on the scratch copy; the
     * client keeps the state it wrote (as an API client keeps the ETag). The answer (the new document, decoded by the
     * driver as the backend's findAndModify answer is) must show the version written or, on a shared deal, a later one:
     * the dev stack's MongoDB server (mongo-java-server, memory backend) answers findAndModify with the stored document
     * itself, encoded after its collection lock is released, so a concurrent update of the same document can show in
     * the answer.
     */
    static void rawCommand(Target t, String subject, boolean shared, AtomicLong conflicts) {
        while (true) {
            Date now = new Date();
            long next = t.version + 1;
            Document deal = t.deal;
            deal.getList("payments", Document.class).add(new Document("kind", "ROYALTY").append("amount", 100L)
                .append("paidOn", Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant())).append("recordedBy", subject).append("recordedAt", now));
            deal.put("updatedAt", now);
            deal.put("version", next);
            Document entry = new Document("by", subject).append("at", now).append("command", "RECORD_PAYMENT").append("stageBefore", "REGISTERED")
                .append("stageAfter", "REGISTERED").append("note", "ROYALTY 1.00");
            Document event = new Document("_id", eventId()).append("type", PAYMENT_TYPE).append("version", next).append("at", now);
            Bson update = Updates.combine(
                Updates.set("deal", deal), Updates.set("brokerOrg", deal.get("broker", Document.class).getString("org")),
                Updates.set("stage", "REGISTERED"), Updates.set("active", true), Updates.set("ndaComplete", true), Updates.set("updatedAt", now),
                Updates.push("trail", entry),
                // the relay empties the API's pendingEvents; nothing empties the copy's, so it keeps only the newest to stay the same size
                Updates.pushEach("pendingEvents", List.of(event), new PushOptions().slice(-1)),
                Updates.inc("version", 1L));
            Document saved = Mono.from(scratch.findOneAndUpdate(Filters.and(Filters.eq("_id", t.id), Filters.eq("version", t.version)), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).block();
            if (saved != null) {
                long got = saved.getLong("version");
                if (shared ? got < next : got != next) throw new IllegalStateException(t.id + " answered version " + got + " to an update to " + next);
                t.version = next;
                t.accepted++;
                return;
            }
            conflicts.incrementAndGet();
            reread(t);
        }
    }

    /** Re-reads where the raw side missed: also the reads that came back torn (see {@link #reread}). */
    static final AtomicLong TORN = new AtomicLong();

    /**
     * The copy as stored now. The dev stack's MongoDB server answers a read with the stored document itself, encoded
     * after its lock is released, so a read that overlaps an update of the same document can come back torn: the old
     * {@code deal} with the new top-level {@code version}. Building on that would drop the other update's payment, so a
     * read whose two versions differ is counted and read again.
     */
    static void reread(Target t) {
        for (int i = 0; i < 1000; i++) {
            Document current = Mono.from(scratch.find(Filters.eq("_id", t.id)).first()).block();
            Document deal = current.get("deal", Document.class);
            long version = current.getLong("version");
            if (version == deal.getLong("version")) {
                t.version = version;
                t.deal = deal;
                return;
            }
            TORN.incrementAndGet();
        }
        throw new IllegalStateException(t.id + " read torn 1,000 times");
    }

    private static final AtomicLong EVENTS = new AtomicLong();

    /** An id shaped like the backend's ("evt_" + 20 characters). */
    static String eventId() {
        return String.format(Locale.ROOT, "evt_%020d", EVENTS.incrementAndGet()).substring(0, 24);
    }

    /** Until no deal has pending events (the outbox relay delivered them all), at most 120 s. */
    static void waitForRelay() throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (Mono.from(deals.countDocuments(Filters.exists("pendingEvents.0"))).block() > 0) {
            if (System.nanoTime() > end) throw new IllegalStateException("the outbox relay left deal events pending for 120 s");
            Thread.sleep(20);
        }
    }

    /**
     * Every deal of the level still REGISTERED, its version and its payments grown by exactly the commands accepted on
     * it (by all clients), the top-level version equal to the deal's.
     */
    static void check(List<List<Target>> targets, MongoCollection<Document> coll, String side) {
        Map<String, List<Target>> byDeal = new LinkedHashMap<>();
        targets.forEach(mine -> mine.forEach(t -> byDeal.computeIfAbsent(t.id, k -> new ArrayList<>()).add(t)));
        for (List<Target> views : byDeal.values()) {
            Target t = views.getFirst();
            int accepted = views.stream().mapToInt(v -> v.accepted).sum();
            Document d = Mono.from(coll.find(Filters.eq("_id", t.id)).first()).block();
            Document deal = d.get("deal", Document.class);
            int payments = deal.getList("payments", Document.class).size();
            if (!"REGISTERED".equals(d.getString("stage")) || !"REGISTERED".equals(deal.getString("stage"))) {
                throw new IllegalStateException(side + " deal " + t.id + " is " + d.getString("stage"));
            }
            if (d.getLong("version") != t.startVersion + accepted || deal.getLong("version") != t.startVersion + accepted
                || payments != t.startPayments + accepted) {
                throw new IllegalStateException(side + " deal " + t.id + ": version " + d.getLong("version") + " (deal " + deal.getLong("version")
                    + "), " + payments + " payments; expected " + (t.startVersion + accepted) + " and " + (t.startPayments + accepted)
                    + " after " + accepted + " accepted commands");
            }
        }
    }

    /** Smallest and largest BSON size of the level's deal documents on both sides, in KB. */
    static String sizes(List<String> ids) {
        long[] a = Flux.from(deals.withDocumentClass(RawBsonDocument.class).find(Filters.in("_id", ids)))
            .map(d -> (long) d.getByteBuffer().remaining()).collectList().block().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] r = Flux.from(scratch.withDocumentClass(RawBsonDocument.class).find(Filters.in("_id", ids.stream().map(i -> "bench-" + i).toList())))
            .map(d -> (long) d.getByteBuffer().remaining()).collectList().block().stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "%.1f-%.1f, %.1f-%.1f", a[0] / 1024.0, a[a.length - 1] / 1024.0, r[0] / 1024.0, r[r.length - 1] / 1024.0);
    }

    // ---- HTTP ----

    static String token(String client) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(idp + "/oauth2/token"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        return expect(r, 200, "token of " + client).get("access_token").asString();
    }

    static HttpRequest post(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
        if (json == null) return b.POST(HttpRequest.BodyPublishers.noBody()).build();
        return b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static HttpRequest command(String deal, String token, long version, String json) {
        return HttpRequest.newBuilder(URI.create(api + "/api/v1/deals/" + deal + "/commands")).header("Authorization", "Bearer " + token)
            .header("If-Match", "\"" + version + "\"").header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + cut(r.body()));
        return JSON.readTree(r.body());
    }

    static long etag(HttpResponse<?> r) {
        String v = r.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag from " + r.uri()));
        return Long.parseLong(v.replace("W/", "").replace("\"", ""));
    }

    // ---- figures ----

    static double pct(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String cpuRow(Level level, String side, List<Round> rounds) {
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.0f %% | %.0f %% (%s) |", level.label(), side,
            median(rounds, r -> r.cpu().backendS()), median(rounds, r -> r.cpu().stackS()), median(rounds, r -> r.cpu().selfS()),
            100 * median(rounds, r -> r.cpu().busyShare()), 100 * median(rounds, Round::others),
            String.join(", ", rounds.stream().map(r -> String.format(Locale.ROOT, "%.0f", 100 * r.others())).toList()));
    }

    /**
     * CPU seconds of the backend, the dev stack and this driver (/proc, all threads), and of the whole machine; after
     * {@link #per} the process figures are ms per command.
     */
    record Cpu(double backendS, double stackS, double selfS, double machineBusyS, double machineTotalS, double wallS) {
        static Cpu now() {
            double[] m = machine();
            double self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            return new Cpu(process(backendPid), process(stackPid), self, m[0], m[1], System.nanoTime() / 1e9);
        }

        Cpu minus(Cpu o) {
            return new Cpu(backendS - o.backendS, stackS - o.stackS, selfS - o.selfS, machineBusyS - o.machineBusyS,
                machineTotalS - o.machineTotalS, wallS - o.wallS);
        }

        /** ms per command, net of what the processes use idle over as long a time. */
        Cpu per(int commands) {
            double f = idle.wallS() <= 0 ? 0 : wallS / idle.wallS();
            return new Cpu(1000 * (backendS - f * idle.backendS()) / commands, 1000 * (stackS - f * idle.stackS()) / commands,
                1000 * (selfS - f * idle.selfS()) / commands, machineBusyS, machineTotalS, wallS);
        }

        double busyShare() {
            return machineTotalS <= 0 ? Double.NaN : machineBusyS / machineTotalS;
        }

        /** Before {@link #per}: what the machine was busy with besides the backend, the dev stack and this driver. */
        double otherShare() {
            return machineTotalS <= 0 ? Double.NaN : Math.max(0, machineBusyS - backendS - stackS - selfS) / machineTotalS;
        }

        private static double process(long pid) {
            if (pid <= 0) return 0;
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private static double[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]);
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new double[] {(total - idle) / 100.0, total / 100.0};
            } catch (IOException | RuntimeException e) {
                return new double[] {0, 0};
            }
        }
    }

    // ---- small things ----

    static String prop(String key, String fallback) {
        String v = System.getProperty("bench." + key, fallback);
        if (v == null) throw new IllegalArgumentException("-Dbench." + key + " is required");
        return v;
    }

    static void log(String s) {
        System.err.println("[bench-deals] " + s);
    }

    static String cut(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }
}
