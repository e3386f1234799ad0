import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import java.util.UUID;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * Bids (issue 13, -Dbench.bidLevels, after the deal levels): published achievements traded by AUCTION, one auction on
 * each scheduled by tto (opening OPEN_DELAY s later, for 2 h, no anti-sniping, starting price and reserve 100.00 CNY,
 * increment 0.01 CNY), waited for until OPEN, then copied into bench_auction_writes (with the backend's auction
 * indexes); the raw side's keys go to bench_bid_keys. Per level, one warm-up and bidRounds measured rounds per side,
 * alternating; each client sends bids/clients (at least bidMinEach) bids one after another on auctions of its own
 * (round robin, at most perAuction bids per auction over the level), or for "C/D" on D auctions all C clients share;
 * every bid offers one increment above the last amount handed out on that auction (one counter per auction and side):
 *   api: POST /api/v1/auctions/{id}/bids with a fresh Idempotency-Key: 201 accepted, 422 bid-too-low refused (only on
 *        shared auctions), 503 auction-busy sent again with the same key (counted); anything else fails the run;
 *   raw: the writes the backend makes for the bid (see {@link #rawBid}), on the copy.
 * Latency is per decided bid (accepted or refused). After the warm-up the raw documents are compared with the
 * backend's (fields and types); after the level every auction and its keys are checked (see {@link #checkLots}); then
 * both sides' keys are deleted (untimed): the dev stack's MongoDB server uses an index only for a query on exactly
 * the index's fields, so the key's outcome update ({_id, decided, owner}) scans the whole key collection, on both
 * sides, and each level starts from no keys rather than from all the earlier levels'.
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
            return label("deals");
        }

        /** The level as a row names it; {@code deals} holds the number of auctions at a bid level. */
        String label(String things) {
            return shared ? clients + " on " + deals + " shared " + things : String.valueOf(clients);
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

    /**
     * {@code others}: the share of the machine's CPU that other processes used during the round (and its relay wait).
     * {@code refused}: bids decided as refused (422 bid-too-low); 0 for deal commands.
     */
    record Round(String side, int round, int commands, double ms, double perSecond, double p50, double p99, long conflicts, long refused,
                 Cpu cpu, double others) { }

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
        for (String spec : specs(prop("levels", "1 16 64"))) levels.add(Level.of(spec, commands, minEach, rounds, perDeal, profile));
        int bidRounds = Integer.parseInt(prop("bidRounds", "3"));
        int perAuction = Integer.parseInt(prop("perAuction", "200"));
        if (perAuction < 1 || perAuction > 990) throw new IllegalArgumentException("perAuction must be 1..990 (an auction takes 1,000 bids)");
        List<Level> bidLevels = new ArrayList<>();
        for (String spec : specs(prop("bidLevels", ""))) {
            bidLevels.add(bidLevel(spec, Integer.parseInt(prop("bids", "1000")), Integer.parseInt(prop("bidMinEach", "20")), bidRounds, perAuction));
        }
        day = LocalDate.now(CHINA).minusDays(1); // never "after today" in China time, whatever the hour
        payment = "{\"type\":\"RECORD_PAYMENT\",\"kind\":\"ROYALTY\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"CNY\"},\"paidOn\":\"" + day + "\"}";
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        tto = token("tto");
        broker = token("broker");
        String[] buyers = {token("enterprise"), token("enterprise-2")};
        bidders = List.of(Bidder.of(buyers[0]), Bidder.of(buyers[1]));

        try (MongoClient mongo = MongoClients.create(prop("mongo", null))) {
            MongoDatabase db = mongo.getDatabase(prop("db", "ttx"));
            deals = db.getCollection("deals");
            scratch = db.getCollection(SCRATCH);
            Mono.from(scratch.drop()).block();

            long started = System.nanoTime();
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
            if (!copies.isEmpty()) Mono.from(scratch.insertMany(copies)).block();

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
            log(String.format(Locale.ROOT, "deals part done after %.0f s", (System.nanoTime() - started) / 1e9));

            // 3b. bids: auctions through the API, their copies, the levels
            List<BidLevelResult> bidResults = bidLevels.isEmpty() ? List.of() : bids(db, bidLevels, bidRounds, setupThreads);

            // 4. what the processes use with no request, subtracted from each round's CPU
            waitForRelay();
            if (!bidResults.isEmpty()) logHeap("after the bid levels");
            Cpu before = Cpu.now();
            Thread.sleep(idleSeconds * 1000L);
            idle = Cpu.now().minus(before);
            log(String.format(Locale.ROOT, "idle for %d s: backend %.0f %%, dev stack %.0f %%, driver %.0f %% of a core", idleSeconds,
                100 * idle.backendS() / idle.wallS(), 100 * idle.stackS() / idle.wallS(), 100 * idle.selfS() / idle.wallS()));
            if (!results.isEmpty()) print(results);
            if (!bidResults.isEmpty()) printBids(bidResults, bidRounds);
            log(String.format(Locale.ROOT, "driver done after %.0f s", (System.nanoTime() - started) / 1e9));
        }
    }

    /** The entries of a level list ("1 16 64", "16/8"); none for an empty list. */
    static List<String> specs(String list) {
        return Arrays.stream(list.trim().split("[ ,]+")).filter(x -> !x.isEmpty()).toList();
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
            System.out.println(cpuRow(r.level().label(), "API", r.api()));
            System.out.println(cpuRow(r.level().label(), "raw", r.raw()));
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
                    String achievement = achievement("NEGOTIATED");
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

    /** A published achievement of tto's organisation (tto creates and submits, broker approves), traded by {@code tradeMethod}. */
    static String achievement(String tradeMethod) throws Exception {
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
             "offer": {"transferModes": ["EXCLUSIVE_LICENCE", "ASSIGNMENT"], "tradeMethod": "TRADE_METHOD",
                       "askingPrice": {"amount": "1200000", "currency": "CNY"}}}""".replace("TRADE_METHOD", tradeMethod);
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
        AtomicLong conflicts = new AtomicLong();
        return timed(side, round, level, conflicts, new AtomicLong(), (client, i) -> {
            List<Target> mine = targets.get(client);
            Target target = mine.get(level.shared() ? ThreadLocalRandom.current().nextInt(mine.size()) : i % mine.size());
            if (side.equals("api")) apiCommand(target, client % 2 == 0 ? tto : broker, level.shared(), conflicts);
            else rawCommand(target, client % 2 == 0 ? "tto" : "broker", level.shared(), conflicts);
        }, side.equals("api") ? DealsBench::waitForRelay : () -> { });
    }

    /** What client {@code client} does as its {@code i}-th operation of a round (one command, one bid). */
    interface ClientOp {
        void run(int client, int i) throws Exception;
    }

    /** Work that belongs to a round's CPU window after its clients are done (the relay delivering an API round's events). */
    interface After {
        void run() throws Exception;
    }

    /**
     * One round: {@code level.clients()} threads, released together, each doing {@code level.perClient()} operations one
     * after another; latency per operation, throughput over the round's wall time, CPU over the round and {@code after}.
     */
    static Round timed(String side, int round, Level level, AtomicLong conflicts, AtomicLong refused, ClientOp op, After after) throws Exception {
        int clients = level.clients(), each = level.perClient();
        long[][] latencies = new long[clients][each];
        CountDownLatch ready = new CountDownLatch(clients), go = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < each; i++) {
                        long s = System.nanoTime();
                        op.run(client, i);
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
            throw new IllegalStateException(side + " round " + round + " at " + clients + " clients failed: " + failures.getFirst().getMessage(), failures.getFirst());
        }
        after.run();
        Cpu cpu = Cpu.now().minus(before);
        double others = cpu.otherShare();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        int n = all.length;
        return new Round(side, round, n, elapsed / 1e6, n / (elapsed / 1e9), pct(all, 0.50), pct(all, 0.99), conflicts.get(), refused.get(),
            cpu.per(n), others);
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

    // ---- bids (issue 13) ----

    static final String AUCTION_SCRATCH = "bench_auction_writes";
    static final String KEY_SCRATCH = "bench_bid_keys";
    /** The type hint Spring Data writes into each key document it inserts; the raw side writes it too. */
    static final String KEY_CLASS = "io.ttx.brokerage.persistence.BidKeyDocument";
    /** Starting price and reserve of every auction, in fen (100.00 CNY); the increment is 1 fen (0.01 CNY). */
    static final long START_FEN = 10_000;
    static final long INCREMENT_FEN = 1;
    /** Seconds from scheduling to opening. */
    static final int OPEN_DELAY = 5;
    /** TradeLimits.BIDS and Auctions.RACES. */
    static final int BIDS_CAP = 1_000;
    static final int RACES = 1_000;
    static final String TERMS = "{\"transferMode\":\"EXCLUSIVE_LICENCE\",\"fieldOfUse\":[\"C38\"],\"territory\":[\"CN\"],"
        + "\"termStart\":\"2027-01-01\",\"termEnd\":\"2036-12-31\",\"sublicensing\":false}";

    static MongoCollection<Document> auctions, auctionScratch, keys, keyScratch;
    static List<Bidder> bidders;
    static final AtomicLong KEYS = new AtomicLong();
    /** Re-reads of an auction copy that came back torn (see {@link #reread}) and were read again. */
    static final AtomicLong TORN_LOTS = new AtomicLong();

    /** A bidding user: its token and, from the token, its subject and organisation (what the backend stores with a bid). */
    record Bidder(String token, String subject, String org) {
        static Bidder of(String token) {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            return new Bidder(token, claims.get("sub").asString(), claims.get("org").asString());
        }
    }

    /**
     * A bid level: as a deal level, but a shared entry "C/D" sends fewer bids per client when needed, so that all its
     * rounds fit in the D auctions' 1,000 bids (990, a margin) even if every bid is accepted.
     */
    static Level bidLevel(String spec, int bids, int minEach, int rounds, int perAuction) {
        String[] p = spec.split("/");
        int clients = Integer.parseInt(p[0]);
        int each = Math.max(minEach, (bids + clients - 1) / clients);
        if (p.length == 1) {
            long total = (long) (rounds + 1) * each; // per client: warm-up and measured rounds
            int perClient = (int) ((total + perAuction - 1) / perAuction);
            return new Level(clients, each, clients * perClient, false, false);
        }
        int lots = Integer.parseInt(p[1]);
        each = Math.min(each, 990 * lots / ((rounds + 1) * clients));
        if (each < 1) throw new IllegalArgumentException(spec + ": " + (rounds + 1) + " rounds of " + clients + " clients do not fit in " + lots + " auctions");
        return new Level(clients, each, lots, true, false);
    }

    /**
     * One auction as a client knows it: its id (the copy's on the raw side), where it started, the last amount handed
     * out (one counter per auction and side, shared by the clients that bid on it) and, on the raw side, its state.
     */
    static final class Lot {
        final String id;
        final long startVersion;
        final int startBids;
        final AtomicLong amount;
        long version;
        Document auction;
        int accepted, refused;

        Lot(String id, long version, int bids, AtomicLong amount) {
            this.id = id;
            this.startVersion = version;
            this.startBids = bids;
            this.version = version;
            this.amount = amount;
        }
    }

    record BidLevelResult(Level level, List<Round> api, List<Round> raw, String sizesBefore, String sizesAfter, String shapes) { }

    static List<BidLevelResult> bids(MongoDatabase db, List<Level> levels, int rounds, int threads) throws Exception {
        auctions = db.getCollection("auctions");
        keys = db.getCollection("auction_bid_keys");
        auctionScratch = db.getCollection(AUCTION_SCRATCH);
        keyScratch = db.getCollection(KEY_SCRATCH);
        Mono.from(auctionScratch.drop()).block();
        Mono.from(keyScratch.drop()).block();
        // the backend's indexes of auctions (BrokerageConfiguration.tradeIndexes) on the copies too: the same index upkeep per write
        Mono.from(auctionScratch.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.ascending("closesAt")), new IndexOptions().name("due"))).block();
        Mono.from(auctionScratch.createIndex(Indexes.ascending("dealPending"), new IndexOptions().name("deal_pending"))).block();
        Mono.from(auctionScratch.createIndex(Indexes.compoundIndex(Indexes.ascending("achievementId"), Indexes.descending("_id")),
            new IndexOptions().name("achievement_newest"))).block();

        // 1. the auctions, through the API: published AUCTION listings, scheduled by tto, OPEN
        int total = levels.stream().mapToInt(Level::deals).sum();
        log("bids: setting up " + total + " auctions on as many achievements (" + threads + " at a time)...");
        long t0 = System.nanoTime();
        List<String> ids = scheduleAuctions(total, threads);
        waitOpen(ids);
        log(String.format(Locale.ROOT, "%d auctions OPEN in %.1f s", ids.size(), (System.nanoTime() - t0) / 1e9));

        // 2. their copies for the raw side
        List<Document> copies = new ArrayList<>();
        for (String id : ids) {
            Document d = Mono.from(auctions.find(Filters.eq("_id", id)).first()).block();
            if (d == null || !"LIVE".equals(d.getString("state"))) throw new IllegalStateException("auction " + id + " is not LIVE");
            d.put("_id", "bench-" + id);
            copies.add(d);
        }
        Mono.from(auctionScratch.insertMany(copies)).block();

        // 3. the levels
        int next = 0;
        List<BidLevelResult> results = new ArrayList<>();
        for (Level level : levels) {
            // the previous levels' keys (checked) go: on the dev stack the key's outcome update ({_id, decided, owner},
            // BidKeyStore.decide) scans the whole key collection, so each level starts from none on both sides
            long dropped = Mono.from(keys.deleteMany(new Document())).block().getDeletedCount()
                + Mono.from(keyScratch.deleteMany(new Document())).block().getDeletedCount();
            if (dropped > 0) log(dropped + " keys of the previous levels deleted (both sides)");
            logHeap("before the level");
            List<String> mine = ids.subList(next, next + level.deals());
            next += level.deals();
            List<List<Lot>> apiLots = assignLots(level, mine, auctions, "");
            List<List<Lot>> rawLots = assignLots(level, mine, auctionScratch, "bench-");
            String sizesBefore = auctionSizes(mine);
            log(String.format(Locale.ROOT, "bids, %s clients: %d auctions, %d bids per client and round; warm-up round, then %d rounds",
                level.label("auctions"), level.deals(), level.perClient(), rounds));
            List<Round> apiRounds = new ArrayList<>();
            List<Round> rawRounds = new ArrayList<>();
            String shapes = null;
            for (int r = 0; r <= rounds; r++) {
                Round a = runBids("api", r, level, apiLots);
                Round w = runBids("raw", r, level, rawLots);
                for (Round x : List.of(a, w)) {
                    System.out.printf(Locale.ROOT, "bidround %s %d %s %d %.0f %.1f %.2f %.2f %d %d%s%n", level.label("auctions").replace(' ', '_'), r,
                        x.side(), x.commands(), x.ms(), x.perSecond(), x.p50(), x.p99(), x.refused(), x.conflicts(), r == 0 ? " (warm-up)" : "");
                }
                if (r == 0) shapes = shapes(mine.getFirst());
                else {
                    apiRounds.add(a);
                    rawRounds.add(w);
                }
            }
            String sizesAfter = auctionSizes(mine);
            checkLots(apiLots, auctions, keys, "API");
            checkLots(rawLots, auctionScratch, keyScratch, "raw");
            results.add(new BidLevelResult(level, apiRounds, rawRounds, sizesBefore, sizesAfter, shapes));
        }
        return results;
    }

    /**
     * Logs the dev stack's live heap (after a full GC, untimed) before each bid level and before the idle measurement.
     * A first run with both parts on the default 768 MB heap filled it: from the 64-client bid level on, 70-90 % of the
     * dev stack's time went to GC, and it used 61 % of a core idle. Its in-memory MongoDB server keeps everything the
     * deals part wrote (and an uncapped oplog); hence 1,536 MB by default in deals.sh.
     */
    static void logHeap(String when) {
        log("dev stack heap " + when + " (after a full GC): " + stackHeap());
    }

    /**
     * The dev stack's heap use after a full GC (jcmd GC.run, then GC.heap_info: the lines with totals), or "?" when it
     * cannot be read.
     */
    static String stackHeap() {
        if (stackPid <= 0) return "?";
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            new ProcessBuilder(jcmd, String.valueOf(stackPid), "GC.run").redirectErrorStream(true).start().waitFor();
            Process p = new ProcessBuilder(jcmd, String.valueOf(stackPid), "GC.heap_info")
                .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().filter(l -> l.contains("total") && l.contains("used")).map(l -> l.replaceAll("\\s*\\[.*", "").trim().replaceAll("\\s+", " "))
                .collect(java.util.stream.Collectors.joining("; "));
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    static List<String> scheduleAuctions(int total, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> tasks = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (int a = 0; a < total; a++) {
                tasks.add(pool.submit(() -> {
                    String id = schedule(achievement("AUCTION"));
                    int k = done.incrementAndGet();
                    if (k % 20 == 0) log(k + " auctions scheduled");
                    return id;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : tasks) ids.add(f.get());
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /** An auction of the achievement by its owner's TTO: opening in a few seconds, for 2 h, no anti-sniping, 0.01 CNY steps. */
    static String schedule(String achievement) throws Exception {
        Instant opens = Instant.now().plusSeconds(OPEN_DELAY).truncatedTo(ChronoUnit.MILLIS);
        String body = "{\"achievementId\":\"" + achievement + "\",\"startingPrice\":" + money(START_FEN) + ",\"reservePrice\":" + money(START_FEN)
            + ",\"increment\":" + money(INCREMENT_FEN) + ",\"opensAt\":\"" + opens + "\",\"closesAt\":\"" + opens.plus(Duration.ofHours(2))
            + "\",\"antiSnipingSeconds\":0,\"termSheet\":" + TERMS + "}";
        JsonNode a = expect(send(post("/api/v1/auctions", tto, body)), 201, "scheduling an auction of " + achievement);
        if (!"SCHEDULED".equals(a.get("status").asString())) throw new IllegalStateException("auction " + a.get("id") + " is " + a.get("status"));
        return a.get("id").asString();
    }

    /** Until every auction is OPEN (GET as tto), at most 60 s. */
    static void waitOpen(List<String> ids) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        for (String id : ids) {
            while (true) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + "/api/v1/auctions/" + id)).header("Authorization", "Bearer " + tto)
                    .timeout(Duration.ofSeconds(60)).GET().build());
                String status = expect(r, 200, "reading auction " + id).get("status").asString();
                if (status.equals("OPEN")) break;
                if (!status.equals("SCHEDULED") || System.nanoTime() > end) throw new IllegalStateException("auction " + id + " is " + status);
                Thread.sleep(200);
            }
        }
    }

    /** Client i gets auctions i, i + clients, ... of the level's; or, shared, each client all of them (its own view of each). */
    static List<List<Lot>> assignLots(Level level, List<String> ids, MongoCollection<Document> coll, String prefix) {
        Map<String, AtomicLong> amounts = new java.util.HashMap<>();
        List<List<Lot>> out = new ArrayList<>();
        for (int c = 0; c < level.clients(); c++) out.add(new ArrayList<>());
        for (int i = 0; i < ids.size(); i++) {
            String id = prefix + ids.get(i);
            if (level.shared()) for (List<Lot> mine : out) mine.add(lot(coll, id, amounts));
            else out.get(i % level.clients()).add(lot(coll, id, amounts));
        }
        return out;
    }

    static Lot lot(MongoCollection<Document> coll, String id, Map<String, AtomicLong> amounts) {
        Document d = Mono.from(coll.find(Filters.eq("_id", id)).first()).block();
        Document a = d.get("auction", Document.class);
        List<Document> bids = a.getList("bids", Document.class, List.of());
        long last = bids.isEmpty() ? a.getLong("startingPrice") - a.getLong("increment") : bids.getLast().getLong("amount");
        Lot l = new Lot(id, d.getLong("version"), bids.size(), amounts.computeIfAbsent(id, k -> new AtomicLong(last)));
        l.auction = a;
        return l;
    }

    static Round runBids(String side, int round, Level level, List<List<Lot>> lots) throws Exception {
        AtomicLong conflicts = new AtomicLong(), refused = new AtomicLong();
        return timed(side, round, level, conflicts, refused, (client, i) -> {
            List<Lot> mine = lots.get(client);
            Lot lot = mine.get(level.shared() ? ThreadLocalRandom.current().nextInt(mine.size()) : i % mine.size());
            Bidder bidder = bidders.get(client % bidders.size());
            if (side.equals("api")) apiBid(lot, bidder, level.shared(), conflicts, refused);
            else rawBid(lot, bidder, level.shared(), conflicts, refused);
        }, () -> { });
    }

    /**
     * One decided bid through the API: the next amount of the auction (one increment above the last handed out), a
     * fresh Idempotency-Key. 201 accepted; 422 bid-too-low refused (only where clients share the auction: another
     * client's higher bid came first); 503 auction-busy is sent again with the same key, as the contract says (counted);
     * anything else fails the run.
     */
    static void apiBid(Lot lot, Bidder bidder, boolean shared, AtomicLong busy, AtomicLong refused) throws Exception {
        long amount = lot.amount.addAndGet(INCREMENT_FEN);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/v1/auctions/" + lot.id + "/bids"))
            .header("Authorization", "Bearer " + bidder.token()).header("Idempotency-Key", "bench-" + KEYS.incrementAndGet())
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + money(amount) + "}")).build();
        while (true) {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 201) {
                lot.accepted++;
                return;
            }
            String body = new String(r.body(), StandardCharsets.UTF_8);
            if (r.statusCode() == 422 && body.contains("\"bid-too-low\"")) {
                if (!shared) throw new IllegalStateException("bid of " + yuan(amount) + " on " + lot.id + " (one client's auction) refused: " + cut(body));
                lot.refused++;
                refused.incrementAndGet();
                return;
            }
            if (r.statusCode() == 503 && body.contains("auction-busy")) {
                busy.incrementAndGet();
                continue;
            }
            throw new IllegalStateException("bid of " + yuan(amount) + " on " + lot.id + " answered " + r.statusCode() + ": " + cut(body));
        }
    }

    /**
     * The same bid straight on MongoDB, with the writes the backend makes for it (Auctions.bid and decide, BidKeyStore,
     * AuctionStore.replace), on the copy: the key inserted (pending, owned by this request); the bid decided on the
     * auction state the client holds (Bidding.bid: window, minimum, bound); accepted: one findOneAndUpdate conditional
     * on _id, version and the bid not being there yet, $set of auction (the whole state with the bid appended), state,
     * closesAt, version and dealPending, returning the new document; then the key's outcome (accepted, at, closesAt);
     * refused (bid-too-low): the key's outcome only. A miss (another client's bid came first) re-reads the copy after
     * the backend's backoff (1 ms doubling up to 20 ms, jitter 0.9) and decides again, at most 1,000 times.
     */
    static void rawBid(Lot lot, Bidder bidder, boolean shared, AtomicLong misses, AtomicLong refused) {
        long amount = lot.amount.addAndGet(INCREMENT_FEN);
        String bidId = bidId(lot.id, bidder.subject(), "bench-" + KEYS.incrementAndGet());
        String owner = UUID.randomUUID().toString();
        Mono.from(keyScratch.insertOne(new Document("_id", bidId).append("auctionId", lot.id).append("subject", bidder.subject())
            .append("amount", amount).append("owner", owner).append("takenAt", new Date()).append("decided", false).append("accepted", false)
            .append("_class", KEY_CLASS))).block();
        Bson key = Filters.and(Filters.eq("_id", bidId), Filters.eq("decided", false), Filters.eq("owner", owner));
        for (int race = 0; ; race++) {
            Document a = lot.auction;
            Date now = new Date();
            List<Document> bids = a.getList("bids", Document.class, List.of());
            if (!"LIVE".equals(a.getString("state")) || now.before(a.getDate("opensAt")) || !now.before(a.getDate("closesAt"))) {
                throw new IllegalStateException("auction " + lot.id + " does not take bids now");
            }
            long minimum = bids.isEmpty() ? a.getLong("startingPrice") : bids.getLast().getLong("amount") + a.getLong("increment");
            if (amount < minimum) {
                if (!shared) throw new IllegalStateException("raw bid of " + yuan(amount) + " on " + lot.id + " (one client's auction) below " + yuan(minimum));
                Mono.from(keyScratch.updateOne(key, Updates.combine(Updates.set("accepted", false), Updates.set("kind", "INVALID"),
                    Updates.set("code", "bid-too-low"), Updates.set("detail", "the least bid now is " + yuan(minimum)), Updates.set("decided", true)))).block();
                lot.refused++;
                refused.incrementAndGet();
                return;
            }
            if (bids.size() >= BIDS_CAP) throw new IllegalStateException("auction " + lot.id + " holds " + BIDS_CAP + " bids (limit-reached)");
            List<Document> nextBids = new ArrayList<>(bids);
            nextBids.add(new Document("_id", bidId).append("org", bidder.org()).append("subject", bidder.subject()).append("amount", amount).append("at", now));
            Date extended = new Date(now.getTime() + 1000L * a.getInteger("antiSnipingSeconds"));
            Date closes = extended.after(a.getDate("closesAt")) ? extended : a.getDate("closesAt");
            long version = lot.version;
            Document next = new Document(a);
            next.put("bids", nextBids);
            next.put("closesAt", closes);
            next.put("updatedAt", now);
            next.put("version", version + 1);
            Document saved = Mono.from(auctionScratch.findOneAndUpdate(
                Filters.and(Filters.eq("_id", lot.id), Filters.eq("version", version), Filters.ne("auction.bids._id", bidId)),
                Updates.combine(Updates.set("auction", next), Updates.set("state", "LIVE"), Updates.set("closesAt", closes),
                    Updates.set("version", version + 1), Updates.set("dealPending", false)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).block();
            if (saved != null) {
                long got = saved.getLong("version");
                if (shared ? got <= version : got != version + 1) throw new IllegalStateException(lot.id + " answered version " + got + " to an update to " + (version + 1));
                lot.version = version + 1;
                lot.auction = next;
                lot.accepted++;
                Mono.from(keyScratch.updateOne(key, Updates.combine(Updates.set("accepted", true), Updates.set("at", now), Updates.set("closesAt", closes),
                    Updates.set("decided", true)))).block();
                return;
            }
            if (race + 1 >= RACES) throw new IllegalStateException("raw bid on " + lot.id + " lost " + RACES + " races (auction-busy)");
            misses.incrementAndGet();
            backoff(race);
            reread(lot);
        }
    }

    /** Reactor's Retry.backoff(1000, 1 ms).maxBackoff(20 ms).jitter(0.9), as the backend retries a lost race. */
    static void backoff(int iteration) {
        long b = Math.min(20, 1L << Math.min(iteration, 5));
        long jitter = b * 90 / 100;
        long low = Math.max(1 - b, -jitter), high = Math.min(20 - b, jitter);
        long ms = b + (high > low ? ThreadLocalRandom.current().nextLong(low, high + 1) : 0);
        LockSupport.parkNanos(ms * 1_000_000L);
    }

    /** The copy as stored now; a torn read (old {@code auction}, new {@code version}: see {@link #reread(Target)}) is read again. */
    static void reread(Lot lot) {
        for (int i = 0; i < 1000; i++) {
            Document current = Mono.from(auctionScratch.find(Filters.eq("_id", lot.id)).first()).block();
            Document a = current.get("auction", Document.class);
            long version = current.getLong("version");
            if (version == a.getLong("version")) {
                lot.version = version;
                lot.auction = a;
                return;
            }
            TORN_LOTS.incrementAndGet();
        }
        throw new IllegalStateException(lot.id + " read torn 1,000 times");
    }

    /** The bid's id as the backend derives it (Auctions.bidId): one per auction, bidder and key. */
    static String bidId(String auctionId, String subject, String key) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest((auctionId + "\n" + subject + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "bid_" + java.util.HexFormat.of().formatHex(h, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every auction of the level (one side) still LIVE, its version and its bids grown by exactly the bids accepted on
     * it (by all clients), the bids strictly increasing by at least the increment; its keys all decided, as many as
     * the decided bids, as many accepted as the accepted bids.
     */
    static void checkLots(List<List<Lot>> lots, MongoCollection<Document> coll, MongoCollection<Document> keyColl, String side) {
        Map<String, List<Lot>> byId = new LinkedHashMap<>();
        lots.forEach(mine -> mine.forEach(l -> byId.computeIfAbsent(l.id, k -> new ArrayList<>()).add(l)));
        Map<String, int[]> keyCounts = new java.util.HashMap<>(); // decided, accepted, undecided
        for (Document k : Flux.from(keyColl.find(Filters.in("auctionId", byId.keySet()))).toIterable()) {
            int[] c = keyCounts.computeIfAbsent(k.getString("auctionId"), x -> new int[3]);
            if (k.getBoolean("decided")) c[0]++;
            else c[2]++;
            if (k.getBoolean("accepted")) c[1]++;
        }
        for (List<Lot> views : byId.values()) {
            Lot l = views.getFirst();
            int accepted = views.stream().mapToInt(v -> v.accepted).sum(), refused = views.stream().mapToInt(v -> v.refused).sum();
            Document d = Mono.from(coll.find(Filters.eq("_id", l.id)).first()).block();
            Document a = d.get("auction", Document.class);
            List<Document> bids = a.getList("bids", Document.class, List.of());
            String what = side + " auction " + l.id + ": ";
            if (!"LIVE".equals(d.getString("state")) || !"LIVE".equals(a.getString("state"))) throw new IllegalStateException(what + d.getString("state"));
            if (d.getLong("version") != l.startVersion + accepted || a.getLong("version") != l.startVersion + accepted || bids.size() != l.startBids + accepted) {
                throw new IllegalStateException(what + "version " + d.getLong("version") + " (auction " + a.getLong("version") + "), " + bids.size()
                    + " bids; expected " + (l.startVersion + accepted) + " and " + (l.startBids + accepted) + " after " + accepted + " accepted bids");
            }
            for (int i = 1; i < bids.size(); i++) {
                if (bids.get(i).getLong("amount") < bids.get(i - 1).getLong("amount") + a.getLong("increment")) {
                    throw new IllegalStateException(what + "bid " + i + " of " + bids.get(i).getLong("amount") + " fen after " + bids.get(i - 1).getLong("amount"));
                }
            }
            int[] c = keyCounts.getOrDefault(l.id, new int[3]);
            if (c[0] != accepted + refused || c[1] != accepted || c[2] != 0) {
                throw new IllegalStateException(what + c[0] + " keys decided (" + c[1] + " accepted), " + c[2] + " undecided; expected "
                    + (accepted + refused) + " decided (" + accepted + " accepted)");
            }
        }
    }

    /**
     * After the warm-up: the documents the raw side wrote have the fields and types of those the backend wrote (top
     * level, auction, the last bid, an accepted key and, where there is one, a refused key); their sizes.
     */
    static String shapes(String id) {
        Document apiDoc = Mono.from(auctions.find(Filters.eq("_id", id)).first()).block();
        Document rawDoc = Mono.from(auctionScratch.find(Filters.eq("_id", "bench-" + id)).first()).block();
        same("auction document", apiDoc, rawDoc);
        same("auction", apiDoc.get("auction", Document.class), rawDoc.get("auction", Document.class));
        same("bid", apiDoc.get("auction", Document.class).getList("bids", Document.class).getLast(),
            rawDoc.get("auction", Document.class).getList("bids", Document.class).getLast());
        StringBuilder out = new StringBuilder();
        for (boolean accepted : List.of(true, false)) {
            RawBsonDocument k = Mono.from(keys.withDocumentClass(RawBsonDocument.class).find(Filters.and(Filters.eq("auctionId", id),
                Filters.eq("accepted", accepted))).first()).block();
            RawBsonDocument r = Mono.from(keyScratch.withDocumentClass(RawBsonDocument.class).find(Filters.and(Filters.eq("auctionId", "bench-" + id),
                Filters.eq("accepted", accepted))).first()).block();
            if (k == null && r == null) continue;
            if (k == null || r == null) throw new IllegalStateException("a " + (accepted ? "accepted" : "refused") + " key on one side only (" + id + ")");
            Document kd = k.decode(new org.bson.codecs.DocumentCodec()), rd = r.decode(new org.bson.codecs.DocumentCodec());
            same((accepted ? "accepted" : "refused") + " key", kd, rd);
            out.append(String.format(Locale.ROOT, "%s%s key %d B (API), %d B (raw)", out.isEmpty() ? "" : "; ", accepted ? "accepted" : "refused",
                k.getByteBuffer().remaining(), r.getByteBuffer().remaining()));
        }
        return out.toString();
    }

    static void same(String what, Document api, Document raw) {
        String a = shape(api), r = shape(raw);
        if (!a.equals(r)) throw new IllegalStateException("the raw side's " + what + " differs from the backend's: API " + a + "; raw " + r);
    }

    static String shape(Document d) {
        return d.entrySet().stream().map(e -> e.getKey() + ":" + (e.getValue() == null ? "null" : e.getValue().getClass().getSimpleName()))
            .sorted().collect(java.util.stream.Collectors.joining(","));
    }

    /** Smallest and largest BSON size of the level's auction documents on both sides, in KB. */
    static String auctionSizes(List<String> ids) {
        long[] a = Flux.from(auctions.withDocumentClass(RawBsonDocument.class).find(Filters.in("_id", ids)))
            .map(d -> (long) d.getByteBuffer().remaining()).collectList().block().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] r = Flux.from(auctionScratch.withDocumentClass(RawBsonDocument.class).find(Filters.in("_id", ids.stream().map(i -> "bench-" + i).toList())))
            .map(d -> (long) d.getByteBuffer().remaining()).collectList().block().stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "%.1f-%.1f, %.1f-%.1f", a[0] / 1024.0, a[a.length - 1] / 1024.0, r[0] / 1024.0, r[r.length - 1] / 1024.0);
    }

    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    static String money(long fen) {
        return "{\"amount\":\"" + yuan(fen) + "\",\"currency\":\"CNY\"}";
    }

    static void printBids(List<BidLevelResult> results, int rounds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Bids (issue 13): decided bids (201 accepted or 422 bid-too-low) per second, latency per decided bid; medians over %d "
            + "measured rounds per side:%n%n", rounds);
        System.out.println("| clients | auctions | API bids/s | raw bids/s | API/raw throughput (per round) | API p50 (ms) | raw p50 (ms) | API p99 (ms) | raw p99 (ms) | API/raw p99 | refused (bid-too-low) of decided: API, raw | 503 auction-busy / raw misses |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (BidLevelResult r : results) {
            double apiRate = median(r.api(), Round::perSecond), rawRate = median(r.raw(), Round::perSecond);
            double apiP99 = median(r.api(), Round::p99), rawP99 = median(r.raw(), Round::p99);
            List<String> perRound = new ArrayList<>();
            for (int i = 0; i < r.api().size(); i++) {
                perRound.add(String.format(Locale.ROOT, "%.2f", r.api().get(i).perSecond() / r.raw().get(i).perSecond()));
            }
            Level l = r.level();
            System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f | **%.2f** (%s) | %.1f | %.1f | %.1f | %.1f | **%.2f** | %d of %d, %d of %d | %d / %d |%n",
                l.clients(), l.shared() ? l.deals() + ", shared by all clients" : l.deals() + ", " + l.deals() / l.clients() + " per client, none shared",
                apiRate, rawRate, apiRate / rawRate, String.join(", ", perRound), median(r.api(), Round::p50), median(r.raw(), Round::p50),
                apiP99, rawP99, apiP99 / rawP99,
                r.api().stream().mapToLong(Round::refused).sum(), r.api().stream().mapToLong(Round::commands).sum(),
                r.raw().stream().mapToLong(Round::refused).sum(), r.raw().stream().mapToLong(Round::commands).sum(),
                r.api().stream().mapToLong(Round::conflicts).sum(), r.raw().stream().mapToLong(Round::conflicts).sum());
        }
        if (TORN_LOTS.get() > 0) {
            System.out.printf(Locale.ROOT, "%nThe raw side's re-reads of an auction after a miss came back torn %d times and were read again.%n", TORN_LOTS.get());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "CPU per decided bid (/proc, all threads; medians over the rounds), net of idle use (backend %.0f %%, dev stack %.0f %%, "
            + "driver %.0f %% of a core):%n%n", 100 * idle.backendS() / idle.wallS(), 100 * idle.stackS() / idle.wallS(), 100 * idle.selfS() / idle.wallS());
        System.out.println("| clients | side | backend (ms/bid) | dev stack (ms/bid) | driver (ms/bid) | machine busy | other processes (per round) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (BidLevelResult r : results) {
            System.out.println(cpuRow(r.level().label("auctions"), "API", r.api()));
            System.out.println(cpuRow(r.level().label("auctions"), "raw", r.raw()));
        }
        System.out.println();
        System.out.println("| clients | auction documents before the warm-up: API, raw (KB, BSON) | after the last measured round: API, raw | key documents after the warm-up (BSON) |");
        System.out.println("|---|---|---|---|");
        for (BidLevelResult r : results) {
            System.out.printf("| %s | %s | %s | %s |%n", r.level().label("auctions"), r.sizesBefore(), r.sizesAfter(), r.shapes());
        }
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

    static String cpuRow(String label, String side, List<Round> rounds) {
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.0f %% | %.0f %% (%s) |", label, side,
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
