import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The voucher redemption benchmark's driver (scripts/bench/vouchers.sh), compiled together with DealsBench.java (whose
 * round timing, level sizing, CPU accounting, HTTP and shape helpers it uses) and run on the backend jar's libraries.
 * Setup through the API: a 330000 programme (region-admin-330000; TESTING_INSPECTION at 50 %, accepting 320000
 * agencies, nothing approved automatically), the dev IdP's two agency organisations (agency, agency-2) applying in
 * 320000 and admitted by region-admin-320000 once the public notice (-Dttx.vouchers.notice-period on the backend) has
 * passed, and vouchers of 100,000.00 CNY for enterprise's organisation; then every voucher document is copied into
 * bench_vouchers (new ids, the backend's voucher indexes) for the raw side.
 * Per level, one warm-up and ROUNDS measured rounds per side, alternating API, raw, API, raw; each client redeems
 * redemptions/clients (at least minEach) times one after another on vouchers of its own (round robin, at most
 * perVoucher redemptions per voucher over the level), or for "C/D" on D vouchers all C clients share (picked at random;
 * fewer per client when needed so that a voucher takes at most 990 over the level). Client c acts as agency c % 2.
 * Every redemption has a fresh Idempotency-Key and invoice number, an invoice of 2.00 CNY: a subsidy of 1.00, SUBMITTED.
 *   api: POST /api/v1/vouchers/{id}/redemptions: 201, or 503 voucher-busy sent again with the same key (counted);
 *        anything else fails the run;
 *   raw: what the backend reads and writes for it ({@link #rawRedeem}), on the copy and scratch collections.
 * Latency is per 201 / completed raw redemption, retries included. After the warm-up the raw documents are compared
 * with the backend's (fields and types). After the level every voucher is checked on both sides (API: GET of the
 * voucher and its ledger; raw: the copy) and the redemptions of both sides are counted; then both sides' redemptions
 * and invoice claims are deleted (untimed): on the dev stack the redemption's status update ({_id, status, owner})
 * scans the whole collection, so every level starts from none on both sides.
 */
public class VouchersBench {
    static final String VOUCHER_SCRATCH = "bench_vouchers";
    static final String REDEMPTION_SCRATCH = "bench_redemptions";
    static final String CLAIM_SCRATCH = "bench_invoice_claims";
    static final String CATEGORY = "TESTING_INSPECTION";
    /** The invoice (2.00 CNY) and its subsidy at 50 % (1.00 CNY), in fen. */
    static final long INVOICE_FEN = 200;
    static final long SUBSIDY_FEN = 100;
    static final String FACE = "100000.00";
    static final String HOLDER_CONTROLLER = "bench-holder-controller";
    /** Redemptions.RACES: lost races the backend retries before voucher-busy. */
    static final int RACES = 200;
    static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    static MongoCollection<Document> vouchers, copies, programmes, agencies, redemptions, rawRedemptions, claims, rawClaims;
    static String regionAdmin;
    static List<DealsBench.Bidder> agents;
    static final AtomicLong KEYS = new AtomicLong();

    /** One voucher as the clients of a side know it (one object per voucher, shared by the clients that share it). */
    static final class Slot {
        final String id;
        final long startVersion;
        final int startLedger;
        final AtomicInteger redeemed = new AtomicInteger();

        Slot(String id, long startVersion, int startLedger) {
            this.id = id;
            this.startVersion = startVersion;
            this.startLedger = startLedger;
        }
    }

    record Result(DealsBench.Level level, List<DealsBench.Round> api, List<DealsBench.Round> raw, String sizesBefore, String sizesAfter,
                  String shapes, String profile) { }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        DealsBench.api = DealsBench.prop("api", null);
        DealsBench.idp = DealsBench.prop("idp", null);
        DealsBench.backendPid = Long.parseLong(DealsBench.prop("backendPid", "0"));
        DealsBench.stackPid = Long.parseLong(DealsBench.prop("stackPid", "0"));
        DealsBench.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        int rounds = Integer.parseInt(DealsBench.prop("rounds", "3"));
        int perLevel = Integer.parseInt(DealsBench.prop("redemptions", "1000"));
        int minEach = Integer.parseInt(DealsBench.prop("minEach", "20"));
        int perVoucher = Integer.parseInt(DealsBench.prop("perVoucher", "200"));
        int idleSeconds = Integer.parseInt(DealsBench.prop("idle", "10"));
        long notice = Long.parseLong(DealsBench.prop("noticeMs", "1000"));
        String profile = DealsBench.prop("profile", "");
        if (perVoucher < 1 || perVoucher > 990) throw new IllegalArgumentException("perVoucher must be 1..990");
        List<DealsBench.Level> levels = new ArrayList<>();
        for (String spec : DealsBench.specs(DealsBench.prop("levels", "1 16 64 16/1"))) {
            boolean profiled = spec.equals(profile);
            DealsBench.Level l = DealsBench.bidLevel(spec, perLevel, minEach, rounds + (profiled ? 1 : 0), perVoucher);
            levels.add(new DealsBench.Level(l.clients(), l.perClient(), l.deals(), l.shared(), profiled));
        }

        regionAdmin = DealsBench.token("region-admin-330000");
        agents = List.of(DealsBench.Bidder.of(DealsBench.token("agency")), DealsBench.Bidder.of(DealsBench.token("agency-2")));
        String holder = DealsBench.Bidder.of(DealsBench.token("enterprise")).org();

        try (MongoClient mongo = MongoClients.create(DealsBench.prop("mongo", null))) {
            MongoDatabase db = mongo.getDatabase(DealsBench.prop("db", "ttx"));
            collections(db);
            long started = System.nanoTime();

            // 1. programme, admitted agencies and vouchers through the API
            int total = levels.stream().mapToInt(DealsBench.Level::deals).sum();
            String programme = programme();
            admit(notice);
            log("issuing " + total + " vouchers of " + FACE + " CNY...");
            List<String> ids = issue(programme, holder, total, 2);
            log(String.format(Locale.ROOT, "setup done in %.1f s", (System.nanoTime() - started) / 1e9));

            // 2. their copies for the raw side
            List<Document> docs = Flux.from(vouchers.find(Filters.in("_id", ids))).collectList().block();
            for (Document d : docs) d.put("_id", "bench-" + d.getString("_id"));
            Mono.from(copies.insertMany(docs)).block();

            // 3. the levels
            int next = 0;
            List<Result> results = new ArrayList<>();
            for (DealsBench.Level level : levels) {
                List<String> mine = ids.subList(next, next + level.deals());
                next += level.deals();
                results.add(level(level, mine, rounds));
            }

            // 4. idle use, subtracted from each round's CPU in the tables
            log("dev stack heap after the levels (after a full GC): " + DealsBench.stackHeap());
            DealsBench.Cpu before = DealsBench.Cpu.now();
            Thread.sleep(idleSeconds * 1000L);
            DealsBench.idle = DealsBench.Cpu.now().minus(before);
            print(results, rounds);
            log(String.format(Locale.ROOT, "driver done after %.0f s", (System.nanoTime() - started) / 1e9));
        }
    }

    static void collections(MongoDatabase db) {
        vouchers = db.getCollection("vouchers");
        programmes = db.getCollection("voucher_programmes");
        agencies = db.getCollection("service_agencies");
        redemptions = db.getCollection("redemptions");
        claims = db.getCollection("invoice_claims");
        copies = db.getCollection(VOUCHER_SCRATCH);
        rawRedemptions = db.getCollection(REDEMPTION_SCRATCH);
        rawClaims = db.getCollection(CLAIM_SCRATCH);
        for (MongoCollection<Document> c : List.of(copies, rawRedemptions, rawClaims)) Mono.from(c.drop()).block();
        // the backend's indexes (VouchersConfiguration) on the scratch collections: the same index upkeep per write
        index(copies, "agency_newest", Indexes.ascending("agencyOrgs"), Indexes.descending("_id"));
        index(copies, "holder_newest", Indexes.ascending("holderOrg"), Indexes.descending("_id"));
        index(copies, "issuer_newest", Indexes.ascending("issuerRegion"), Indexes.descending("_id"));
        index(copies, "expiry", Indexes.ascending("status"), Indexes.ascending("validUntil"));
        for (String f : List.of("issuerRegion", "agencyOrg", "holderOrg", "voucherId")) {
            index(rawRedemptions, f.replace("Region", "").replace("Org", "").replace("Id", "") + "_newest", Indexes.ascending(f), Indexes.descending("order"));
        }
        index(rawRedemptions, "newest", Indexes.descending("order"));
        index(rawRedemptions, "status_taken", Indexes.ascending("status"), Indexes.ascending("takenAt"));
        index(rawRedemptions, "agency_created", Indexes.ascending("agencyId"), Indexes.ascending("createdAt"));
        index(rawRedemptions, "status_approved", Indexes.ascending("status"), Indexes.ascending("approvedAt"));
    }

    static void index(MongoCollection<Document> c, String name, Bson... keys) {
        Mono.from(c.createIndex(Indexes.compoundIndex(keys), new IndexOptions().name(name))).block();
    }

    // ---- setup over the API ----

    static String programme() throws Exception {
        String big = money("1000000000.00");
        String body = "{\"name\":\"bench\",\"region\":\"330000\",\"budget\":" + big + ",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2030-12-31\","
            + "\"categories\":[{\"category\":\"" + CATEGORY + "\",\"subsidyRatio\":\"0.5\"}],\"capPerEnterprisePerYear\":" + big
            + ",\"capPerControllerPerYear\":" + big + ",\"voucherValidityDays\":365,\"acceptedProviderRegions\":[\"320000\"],"
            + "\"autoApproveBelow\":" + money("0.00") + "}";
        return DealsBench.expect(DealsBench.send(DealsBench.post("/api/v1/voucher-programmes", regionAdmin, body)), 201, "creating the programme")
            .get("id").asString();
    }

    /** Both agency organisations apply in 320000 and are admitted there once the notice has passed. */
    static void admit(long noticeMs) throws Exception {
        String admin = DealsBench.token("region-admin-320000");
        List<String> ids = new ArrayList<>();
        for (DealsBench.Bidder a : agents) {
            String body = "{\"name\":\"bench agency " + a.org() + "\",\"region\":\"320000\",\"categories\":[\"" + CATEGORY + "\"],"
                + "\"controller\":\"bench-ctrl-" + a.org() + "\"}";
            JsonNode r = DealsBench.expect(DealsBench.send(DealsBench.post("/api/v1/service-agencies", a.token(), body)), 201, "applying as " + a.subject());
            ids.add(r.get("id").asString());
        }
        Thread.sleep(noticeMs + 200);
        for (String id : ids) {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> r = DealsBench.send(DealsBench.post("/api/v1/service-agencies/" + id + "/decision", admin, "{\"decision\":\"ADMIT\"}"));
                if (r.statusCode() == 200) break;
                if (r.statusCode() != 409 || !r.body().contains("notice-period") || attempt > 50) {
                    throw new IllegalStateException("admitting " + id + " answered " + r.statusCode() + ": " + DealsBench.cut(r.body()));
                }
                Thread.sleep(200); // the notice is still running: the backend was not started with a short notice period
            }
        }
    }

    static List<String> issue(String programme, String holder, int n, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            String body = "{\"holderOrg\":\"" + holder + "\",\"holderController\":\"" + HOLDER_CONTROLLER + "\",\"faceValue\":" + money(FACE) + "}";
            List<Future<String>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tasks.add(pool.submit(() -> DealsBench.expect(DealsBench.send(DealsBench.post("/api/v1/voucher-programmes/" + programme + "/vouchers",
                    regionAdmin, body)), 201, "issuing a voucher").get("id").asString()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : tasks) ids.add(f.get());
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- a level ----

    static Result level(DealsBench.Level level, List<String> ids, int rounds) throws Exception {
        List<List<Slot>> api = assign(level, ids, vouchers, "");
        List<List<Slot>> raw = assign(level, ids, copies, "bench-");
        String sizesBefore = sizes(ids);
        log(String.format(Locale.ROOT, "level %s: %d vouchers, %d redemptions per client and round; warm-up round, then %d rounds",
            level.label("vouchers"), level.deals(), level.perClient(), rounds));
        List<DealsBench.Round> apiRounds = new ArrayList<>(), rawRounds = new ArrayList<>();
        String shapes = null;
        for (int r = 0; r <= rounds; r++) {
            DealsBench.Round a = run("api", r, level, api);
            DealsBench.Round w = run("raw", r, level, raw);
            for (DealsBench.Round x : List.of(a, w)) {
                System.out.printf(Locale.ROOT, "redeemround %s %d %s %d %.0f %.1f %.2f %.2f %d%s%n", level.label("vouchers").replace(' ', '_'), r,
                    x.side(), x.commands(), x.ms(), x.perSecond(), x.p50(), x.p99(), x.conflicts(), r == 0 ? " (warm-up)" : "");
            }
            if (r == 0) shapes = shapes(ids.getFirst());
            else {
                apiRounds.add(a);
                rawRounds.add(w);
            }
        }
        String sizesAfter = sizes(ids);
        String profiled = level.profiled() ? profile(level, api, rounds + 1) : null;
        check(api, raw);
        long dropped = 0;
        for (MongoCollection<Document> c : List.of(redemptions, rawRedemptions, claims, rawClaims)) {
            dropped += Mono.from(c.deleteMany(new Document())).block().getDeletedCount();
        }
        log(dropped + " redemptions and invoice claims of the level deleted (both sides)");
        return new Result(level, apiRounds, rawRounds, sizesBefore, sizesAfter, shapes, profiled);
    }

    /** Client i gets vouchers i, i + clients, ...; or, shared, every client all of them (the same slot objects). */
    static List<List<Slot>> assign(DealsBench.Level level, List<String> ids, MongoCollection<Document> coll, String prefix) {
        List<List<Slot>> out = new ArrayList<>();
        for (int c = 0; c < level.clients(); c++) out.add(new ArrayList<>());
        for (int i = 0; i < ids.size(); i++) {
            Document d = Mono.from(coll.find(Filters.eq("_id", prefix + ids.get(i))).first()).block();
            Slot s = new Slot(prefix + ids.get(i), d.getLong("version"), d.getList("ledger", Document.class).size());
            if (level.shared()) out.forEach(mine -> mine.add(s));
            else out.get(i % level.clients()).add(s);
        }
        return out;
    }

    static DealsBench.Round run(String side, int round, DealsBench.Level level, List<List<Slot>> slots) throws Exception {
        AtomicLong retries = new AtomicLong();
        return DealsBench.timed(side, round, level, retries, new AtomicLong(), (client, i) -> {
            List<Slot> mine = slots.get(client);
            Slot s = mine.get(level.shared() ? ThreadLocalRandom.current().nextInt(mine.size()) : i % mine.size());
            DealsBench.Bidder agent = agents.get(client % agents.size());
            if (side.equals("api")) apiRedeem(s, agent, retries);
            else rawRedeem(s, agent, retries);
        }, () -> { });
    }

    static String body(String invoice) {
        return "{\"invoiceNumber\":\"" + invoice + "\",\"invoiceAmount\":" + money(DealsBench.yuan(INVOICE_FEN)) + ",\"category\":\"" + CATEGORY
            + "\",\"serviceDescription\":\"bench\"}";
    }

    /** One redemption through the API: 201 SUBMITTED; 503 voucher-busy is sent again with the same key (counted). */
    static void apiRedeem(Slot s, DealsBench.Bidder agent, AtomicLong busy) throws Exception {
        String key = "bench-" + KEYS.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(DealsBench.api + "/api/v1/vouchers/" + s.id + "/redemptions"))
            .header("Authorization", "Bearer " + agent.token()).header("Idempotency-Key", key).header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body("INV-" + key))).build();
        while (true) {
            HttpResponse<String> r = DealsBench.send(request);
            if (r.statusCode() == 201 && r.body().contains("\"status\":\"SUBMITTED\"")) {
                s.redeemed.incrementAndGet();
                return;
            }
            if (r.statusCode() == 503 && r.body().contains("voucher-busy")) {
                busy.incrementAndGet();
                continue;
            }
            throw new IllegalStateException("redemption " + key + " of " + s.id + " answered " + r.statusCode() + ": " + DealsBench.cut(r.body()));
        }
    }

    /**
     * The same redemption straight on MongoDB, with the reads and writes the backend makes for it (Redemptions.redeem
     * and decide, RedemptionStore, InvoiceClaimStore, VoucherStore.redeem), in the same order:
     * <ol>
     * <li>read the voucher without its ledger (the backend's 404 check);</li>
     * <li>insert the redemption PENDING, owned by this request, under the id derived from the organisation and key;</li>
     * <li>read the programme and the organisation's admissions ({status: ADMITTED, org}, newest first, at most 100)
     * concurrently, as the backend's Mono.zip does, once;</li>
     * <li>read the voucher without its ledger (what a first attempt decides on);</li>
     * <li>insert the invoice claim (organisation|invoice number);</li>
     * <li>one updateOne of the copy guarded by _id, status ACTIVE, voided $ne and ledger.redemptionId $ne the
     * redemption, voucher.redeemed <= face - subsidy: $inc of voucher.redeemed, voucher.version and version, $set of
     * voucher.updatedAt, $push of the REDEEMED ledger entry, $addToSet of the organisation to agencyOrgs;</li>
     * <li>one findOneAndUpdate of the redemption ({_id, status: PENDING, owner}): agencyId, agencyRegion, subsidy,
     * status SUBMITTED, approvedAt null, returning the new document.</li>
     * </ol>
     * A miss of step 6 (only possible when the voucher is out of room, which the sizing prevents) counts as a miss and
     * goes back to step 4 after the backend's backoff.
     */
    static void rawRedeem(Slot s, DealsBench.Bidder agent, AtomicLong misses) {
        String key = "bench-" + KEYS.incrementAndGet(), invoice = "INV-" + key, owner = UUID.randomUUID().toString();
        String id = redemptionId(agent.org(), key);
        Document first = Mono.from(copies.find(Filters.eq("_id", s.id)).projection(Projections.exclude("ledger")).first()).block();
        if (first == null) throw new IllegalStateException("voucher " + s.id + " not found");
        Date now = new Date();
        Mono.from(rawRedemptions.insertOne(new Document("_id", id).append("order", order(now)).append("requestHash", hash(s.id, invoice))
            .append("idempotencyKey", key).append("voucherId", s.id).append("programmeId", first.getString("programmeId"))
            .append("issuerRegion", first.getString("issuerRegion")).append("holderOrg", first.getString("holderOrg")).append("agencyOrg", agent.org())
            .append("invoiceNumber", invoice).append("invoiceAmount", INVOICE_FEN).append("category", CATEGORY).append("serviceDescription", "bench")
            .append("subsidy", 0L).append("status", "PENDING").append("owner", owner).append("attempt", 0).append("takenAt", now)
            .append("createdBy", agent.subject()).append("createdAt", now).append("refunded", false)
            .append("_class", "io.ttx.vouchers.persistence.RedemptionDocument"))).block();
        var once = Mono.zip(Mono.from(programmes.find(Filters.eq("_id", first.getString("programmeId"))).first()),
            Flux.from(agencies.find(Filters.and(Filters.eq("status", "ADMITTED"), Filters.eq("org", agent.org())))
                .sort(Sorts.descending("_id")).limit(100)).collectList()).block();
        Document agency = once.getT2().isEmpty() ? null : once.getT2().getFirst().get("agency", Document.class);
        boolean claimed = false;
        for (int race = 0; ; race++) {
            Document vd = Mono.from(copies.find(Filters.eq("_id", s.id)).projection(Projections.exclude("ledger")).first()).block();
            Document v = vd.get("voucher", Document.class);
            long redeemed = v.getLong("redeemed"), face = v.getLong("faceValue");
            if (agency == null || once.getT1() == null || !"ACTIVE".equals(v.getString("status")) || face - redeemed < SUBSIDY_FEN) {
                throw new IllegalStateException("raw redemption on " + s.id + " would be refused");
            }
            if (!claimed) {
                Mono.from(rawClaims.insertOne(new Document("_id", agent.org() + "|" + invoice).append("redemptionId", id)
                    .append("_class", "io.ttx.vouchers.persistence.InvoiceClaimStore$Claim"))).block();
                claimed = true;
            }
            now = new Date();
            Document entry = new Document("type", "REDEEMED").append("amount", SUBSIDY_FEN).append("key", key).append("redemptionId", id)
                .append("by", agent.subject()).append("at", now).append("_class", "io.ttx.vouchers.domain.LedgerEntry");
            var debit = Mono.from(copies.updateOne(Filters.and(Filters.eq("_id", s.id), Filters.eq("status", "ACTIVE"), Filters.ne("voided", id),
                    Filters.ne("ledger.redemptionId", id), Filters.lte("voucher.redeemed", face - SUBSIDY_FEN)),
                Updates.combine(Updates.inc("voucher.redeemed", SUBSIDY_FEN), Updates.inc("voucher.version", 1), Updates.inc("version", 1),
                    Updates.set("voucher.updatedAt", now), Updates.push("ledger", entry), Updates.addToSet("agencyOrgs", agent.org())))).block();
            if (debit != null && debit.getModifiedCount() == 1) {
                Document done = Mono.from(rawRedemptions.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id), Filters.eq("status", "PENDING"), Filters.eq("owner", owner)),
                    Updates.combine(Updates.set("agencyId", agency.getString("_id")), Updates.set("agencyRegion", agency.getString("region")),
                        Updates.set("subsidy", SUBSIDY_FEN), Updates.set("status", "SUBMITTED"), Updates.set("approvedAt", null)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).block();
                if (done == null) throw new IllegalStateException("raw redemption " + id + " was not PENDING");
                s.redeemed.incrementAndGet();
                return;
            }
            if (race + 1 >= RACES) throw new IllegalStateException("raw redemption on " + s.id + " lost " + RACES + " races (voucher-busy)");
            misses.incrementAndGet();
            DealsBench.backoff(race);
        }
    }

    /** The redemption's id as the backend derives it (RedemptionKeys.id): rdm_ and 20 base32 characters of SHA-256(org, key). */
    static String redemptionId(String org, String key) {
        byte[] h = sha256(org + "\n" + key);
        StringBuilder sb = new StringBuilder("rdm_");
        long bits = 0;
        for (int have = 0, i = 0; sb.length() < 24; have -= 5) {
            if (have < 5) {
                bits = (bits << 8) | (h[i++] & 0xff);
                have += 8;
            }
            sb.append(BASE32[(int) ((bits >>> (have - 5)) & 31)]);
        }
        return sb.toString();
    }

    /** The request digest (RedemptionKeys.hash): length-prefixed fields. */
    static String hash(String voucherId, String invoice) {
        StringBuilder canonical = new StringBuilder();
        for (String f : new String[] {voucherId, invoice, Long.toString(INVOICE_FEN), CATEGORY, "bench", "-"}) canonical.append(f.length()).append(':').append(f);
        return HexFormat.of().formatHex(sha256(canonical.toString()));
    }

    /** A time-ordered id shaped like Ids.next: rdm_, ten characters of the time, ten random. */
    static String order(Date now) {
        char[] out = new char[20];
        long millis = now.getTime();
        for (int i = 9; i >= 0; i--, millis >>>= 5) out[i] = BASE32[(int) (millis & 31)];
        for (int i = 10; i < 20; i++) out[i] = BASE32[ThreadLocalRandom.current().nextInt(32)];
        return "rdm_" + new String(out);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- checks ----

    /**
     * Every voucher of the level: through the API, GET of the voucher shows redeemed = its 201s x 1.00 and its ledger
     * holds one entry more than before per 201; the copy's voucher state, version and ledger grew alike; on both sides
     * the collection holds exactly one SUBMITTED redemption per 201 on the voucher, none in another status.
     */
    static void check(List<List<Slot>> api, List<List<Slot>> raw) throws Exception {
        Map<String, Slot> apiSlots = distinct(api), rawSlots = distinct(raw);
        Map<String, Integer> apiCounts = counts(redemptions), rawCounts = counts(rawRedemptions);
        for (Slot s : apiSlots.values()) {
            int n = s.redeemed.get();
            JsonNode v = get("/api/v1/vouchers/" + s.id);
            String redeemed = v.get("redeemed").get("amount").asString();
            int ledger = get("/api/v1/vouchers/" + s.id + "/ledger").get("items").size();
            if (!redeemed.equals(DealsBench.yuan(SUBSIDY_FEN * n)) || ledger != s.startLedger + n || v.get("version").asLong() != s.startVersion + n) {
                throw new IllegalStateException("API voucher " + s.id + ": redeemed " + redeemed + ", " + ledger + " ledger entries, version "
                    + v.get("version") + " after " + n + " redemptions answered 201 (expected " + DealsBench.yuan(SUBSIDY_FEN * n) + ", "
                    + (s.startLedger + n) + ", " + (s.startVersion + n) + ")");
            }
            if (apiCounts.getOrDefault(s.id + " SUBMITTED", 0) != n || apiCounts.keySet().stream().anyMatch(k -> k.startsWith(s.id + " ") && !k.endsWith(" SUBMITTED"))) {
                throw new IllegalStateException("API voucher " + s.id + ": redemptions stored " + apiCounts + " after " + n + " answered 201");
            }
        }
        for (Slot s : rawSlots.values()) {
            int n = s.redeemed.get();
            Document d = Mono.from(copies.find(Filters.eq("_id", s.id)).first()).block();
            Document v = d.get("voucher", Document.class);
            if (v.getLong("redeemed") != SUBSIDY_FEN * n || d.getList("ledger", Document.class).size() != s.startLedger + n
                || d.getLong("version") != s.startVersion + n || v.getLong("version") != s.startVersion + n || rawCounts.getOrDefault(s.id + " SUBMITTED", 0) != n) {
                throw new IllegalStateException("raw voucher " + s.id + ": redeemed " + v.getLong("redeemed") + " fen, " + d.getList("ledger", Document.class).size()
                    + " ledger entries, version " + d.getLong("version") + ", " + rawCounts.get(s.id + " SUBMITTED") + " redemptions after " + n);
            }
        }
        if (apiCounts.values().stream().mapToInt(Integer::intValue).sum() != apiSlots.values().stream().mapToInt(s -> s.redeemed.get()).sum()) {
            throw new IllegalStateException("the API side stored redemptions of other vouchers or statuses: " + apiCounts);
        }
        log("checked " + apiSlots.size() + " vouchers per side: redeemed value, ledger, version and redemptions match the 201s");
    }

    static Map<String, Slot> distinct(List<List<Slot>> slots) {
        Map<String, Slot> out = new LinkedHashMap<>();
        slots.forEach(mine -> mine.forEach(s -> out.putIfAbsent(s.id, s)));
        return out;
    }

    /** Redemptions per "voucherId status" in the collection. */
    static Map<String, Integer> counts(MongoCollection<Document> coll) {
        Map<String, Integer> out = new HashMap<>();
        for (Document d : Flux.from(coll.find().projection(new Document("voucherId", 1).append("status", 1))).toIterable()) {
            out.merge(d.getString("voucherId") + " " + d.getString("status"), 1, Integer::sum);
        }
        return out;
    }

    /**
     * After the warm-up: the raw side's voucher document, voucher state, last ledger entry, a redemption and an invoice
     * claim have the fields and types of the backend's; the sizes of a redemption and a claim on both sides.
     */
    static String shapes(String id) {
        Document a = Mono.from(vouchers.find(Filters.eq("_id", id)).first()).block();
        Document r = Mono.from(copies.find(Filters.eq("_id", "bench-" + id)).first()).block();
        DealsBench.same("voucher document", a, r);
        DealsBench.same("voucher", a.get("voucher", Document.class), r.get("voucher", Document.class));
        DealsBench.same("ledger entry", a.getList("ledger", Document.class).getLast(), r.getList("ledger", Document.class).getLast());
        StringBuilder out = new StringBuilder();
        for (var pair : List.of(List.of(redemptions, rawRedemptions), List.of(claims, rawClaims))) {
            RawBsonDocument x = Mono.from(pair.get(0).withDocumentClass(RawBsonDocument.class).find().first()).block();
            RawBsonDocument y = Mono.from(pair.get(1).withDocumentClass(RawBsonDocument.class).find().first()).block();
            String what = pair.get(0) == redemptions ? "redemption" : "invoice claim";
            DealsBench.same(what, x.decode(new org.bson.codecs.DocumentCodec()), y.decode(new org.bson.codecs.DocumentCodec()));
            out.append(out.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%s %d B (API), %d B (raw)", what,
                x.getByteBuffer().remaining(), y.getByteBuffer().remaining()));
        }
        return out.toString();
    }

    /** Smallest and largest BSON size of the level's voucher documents on both sides, in KB. */
    static String sizes(List<String> ids) {
        return range(vouchers, ids) + ", " + range(copies, ids.stream().map(i -> "bench-" + i).toList());
    }

    static String range(MongoCollection<Document> coll, List<String> ids) {
        List<Integer> s = Flux.from(coll.withDocumentClass(RawBsonDocument.class).find(Filters.in("_id", ids)))
            .map(d -> d.getByteBuffer().remaining()).sort().collectList().block();
        return String.format(Locale.ROOT, s.getFirst().equals(s.getLast()) ? "%.1f" : "%.1f-%.1f", s.getFirst() / 1024.0, s.getLast() / 1024.0);
    }

    // ---- profile ----

    /** Inclusive shares: a sample counts for a label when any frame of its stack matches. */
    static final Map<String, Predicate<String>> INCLUSIVE = new LinkedHashMap<>();

    static {
        INCLUSIVE.put("Spring Data MongoDB: documents to objects (MappingMongoConverter read)", f -> f.contains("MappingMongoConverter.read") || f.contains("MappingMongoConverter.convert"));
        INCLUSIVE.put("Spring Data MongoDB: objects to documents (MappingMongoConverter write)", f -> f.contains("MappingMongoConverter.write"));
        INCLUSIVE.put("MongoDB driver: BSON decoding and encoding (org.bson readers, buffers and codecs)",
            f -> f.startsWith("org.bson.BsonBinaryReader") || f.startsWith("org.bson.io.") || f.startsWith("org.bson.codecs."));
        INCLUSIVE.put("Jackson (request and response JSON)", f -> f.startsWith("tools.jackson"));
        INCLUSIVE.put("Spring Security (bearer token)", f -> f.startsWith("org.springframework.security") || f.startsWith("com.nimbusds"));
        INCLUSIVE.put("TTX vouchers (io.ttx.vouchers on the stack)", f -> f.startsWith("io.ttx.vouchers"));
    }

    /** One more API round (not counted) with a JFR recording of the backend, summed up as DealsBench.profile does. */
    static String profile(DealsBench.Level level, List<List<Slot>> api, int round) throws Exception {
        Path file = Path.of(DealsBench.prop("profileDir", System.getProperty("java.io.tmpdir")), "backend-vouchers-" + level.clients() + ".jfr");
        DealsBench.jcmd("JFR.start", "name=vouchers-bench", "settings=profile", "filename=" + file);
        DealsBench.Round r = run("api", round, level, api);
        DealsBench.jcmd("JFR.stop", "name=vouchers-bench");
        Map<String, Integer> components = new HashMap<>(), methods = new HashMap<>(), inclusive = new HashMap<>();
        int n = 0;
        for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) continue;
            n++;
            List<String> frames = e.getStackTrace().getFrames().stream().map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList();
            methods.merge(frames.getFirst(), 1, Integer::sum);
            String component = frames.stream().map(f -> f.startsWith("io.ttx.vouchers") ? "TTX vouchers (redeem, stores, domain)"
                : DealsBench.component(f.substring(0, f.lastIndexOf('.')))).filter(c -> c != null).findFirst().orElse("JDK only (threads, I/O, collections, ...)");
            components.merge(component, 1, Integer::sum);
            INCLUSIVE.forEach((label, match) -> {
                if (frames.stream().anyMatch(match)) inclusive.merge(label, 1, Integer::sum);
            });
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nJFR of the backend during one more API round with %s (not counted; "
            + "%d redemptions, %.1f/s, p50 %.1f ms; `settings=profile`): %d execution samples.%n", level.label("vouchers"), r.commands(), r.perSecond(), r.p50(), n));
        table(out, "component (innermost frame that names one)", components, n, Integer.MAX_VALUE);
        table(out, "on the stack (inclusive)", inclusive, n, Integer.MAX_VALUE);
        table(out, "hottest methods (self)", methods, n, 10);
        return out.toString();
    }

    static void table(StringBuilder out, String title, Map<String, Integer> counts, int total, int limit) {
        out.append("\n| ").append(title).append(" | share of samples |\n|---|---|\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
            .forEach(c -> out.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", c.getKey(), 100.0 * c.getValue() / total)));
    }

    // ---- the tables ----

    static void print(List<Result> results, int rounds) {
        DealsBench.Cpu idle = DealsBench.idle;
        System.out.println();
        System.out.printf(Locale.ROOT, "Redemptions (201 SUBMITTED, subsidy 1.00) per second, latency per redemption; medians over %d measured rounds per side:%n%n", rounds);
        System.out.println("| clients | vouchers | API red/s | raw red/s | API/raw throughput (per round) | API p50 (ms) | raw p50 (ms) | API p99 (ms) | raw p99 (ms) | API/raw p99 | 503 voucher-busy / raw misses |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            double apiRate = DealsBench.median(r.api(), DealsBench.Round::perSecond), rawRate = DealsBench.median(r.raw(), DealsBench.Round::perSecond);
            double apiP99 = DealsBench.median(r.api(), DealsBench.Round::p99), rawP99 = DealsBench.median(r.raw(), DealsBench.Round::p99);
            List<String> perRound = new ArrayList<>();
            for (int i = 0; i < r.api().size(); i++) perRound.add(String.format(Locale.ROOT, "%.2f", r.api().get(i).perSecond() / r.raw().get(i).perSecond()));
            DealsBench.Level l = r.level();
            System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f | **%.2f** (%s) | %.1f | %.1f | %.1f | %.1f | **%.2f** | %d / %d |%n", l.clients(),
                l.shared() ? l.deals() + ", shared by all clients" : l.deals() + ", " + l.deals() / l.clients() + " per client, none shared",
                apiRate, rawRate, apiRate / rawRate, String.join(", ", perRound), DealsBench.median(r.api(), DealsBench.Round::p50),
                DealsBench.median(r.raw(), DealsBench.Round::p50), apiP99, rawP99, apiP99 / rawP99,
                r.api().stream().mapToLong(DealsBench.Round::conflicts).sum(), r.raw().stream().mapToLong(DealsBench.Round::conflicts).sum());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "CPU per redemption (/proc, all threads; medians over the rounds), net of idle use (measured for %.0f s after the "
            + "levels: backend %.0f %%, dev stack %.0f %%, driver %.0f %% of a core):%n%n", idle.wallS(), 100 * idle.backendS() / idle.wallS(),
            100 * idle.stackS() / idle.wallS(), 100 * idle.selfS() / idle.wallS());
        System.out.println("| clients | side | backend (ms/red) | dev stack (ms/red) | driver (ms/red) | machine busy | other processes (per round) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result r : results) {
            for (var side : List.of(Map.entry("API", r.api()), Map.entry("raw", r.raw()))) {
                List<DealsBench.Round> rs = side.getValue();
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.0f %% | %.0f %% (%s) |%n", r.level().label("vouchers"), side.getKey(),
                    DealsBench.median(rs, x -> net(x, DealsBench.Cpu::backendS)), DealsBench.median(rs, x -> net(x, DealsBench.Cpu::stackS)),
                    DealsBench.median(rs, x -> net(x, DealsBench.Cpu::selfS)), 100 * DealsBench.median(rs, x -> x.cpu().busyShare()),
                    100 * DealsBench.median(rs, DealsBench.Round::others),
                    String.join(", ", rs.stream().map(x -> String.format(Locale.ROOT, "%.0f", 100 * x.others())).toList()));
            }
        }
        System.out.println();
        System.out.println("| clients | voucher documents before the warm-up: API, raw (KB, BSON) | after the last measured round: API, raw | redemption and claim documents after the warm-up (BSON) |");
        System.out.println("|---|---|---|---|");
        for (Result r : results) System.out.printf("| %s | %s | %s | %s |%n", r.level().label("vouchers"), r.sizesBefore(), r.sizesAfter(), r.shapes());
        for (Result r : results) {
            if (r.profile() != null) System.out.println(r.profile());
        }
    }

    /**
     * ms per redemption of one process ({@code f}) net of its idle use over the round's wall time. The round's figure
     * comes from DealsBench.timed, whose Cpu.per runs before the idle use is measured, so it is gross there.
     */
    static double net(DealsBench.Round r, java.util.function.ToDoubleFunction<DealsBench.Cpu> f) {
        DealsBench.Cpu idle = DealsBench.idle;
        double perSecond = idle.wallS() <= 0 ? 0 : f.applyAsDouble(idle) / idle.wallS();
        return f.applyAsDouble(r.cpu()) - 1000 * perSecond * r.cpu().wallS() / r.commands();
    }

    // ---- small things ----

    static JsonNode get(String path) throws Exception {
        return DealsBench.expect(DealsBench.send(HttpRequest.newBuilder(URI.create(DealsBench.api + path)).header("Authorization", "Bearer " + regionAdmin)
            .timeout(Duration.ofSeconds(60)).GET().build()), 200, "GET " + path);
    }

    static String money(String yuan) {
        return "{\"amount\":\"" + yuan + "\",\"currency\":\"CNY\"}";
    }

    static void log(String s) {
        System.err.println("[bench-vouchers] " + s);
    }
}
