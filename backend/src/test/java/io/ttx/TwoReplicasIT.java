package io.ttx;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.testsupport.Replica;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.TestStack;
import io.ttx.testsupport.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of one deployment (two processes from the backend's jar on the same database, aliases and bucket) share
 * the background work through leases: both answer requests; a reindex asked of both at once runs once; and when the
 * replica holding the achievements relay's lease is killed ({@code kill -9}) in the middle of 1,000 publications, the
 * other takes the relay over and every publication is searchable within the lease's TTL plus 10 s, indexed once at
 * its final version, with no event left pending and no dead letter.
 */
class TwoReplicasIT {
    private static final Duration LEASE_TTL = Duration.ofSeconds(3);
    private static final String DEPLOYMENT = "rep-" + ProcessHandle.current().pid();
    private static final int WARM_UP = 20;
    private static final int STREAM = 1000;
    private static Replica a;
    private static Replica b;
    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;
    private final String org = TestOrgs.university();
    private final String owner = "Bearer " + Tokens.custom("replicas-owner", List.of("tto"), org, "330100");
    private final String broker = "Bearer " + Tokens.of("broker");
    private final String admin = "Bearer " + Tokens.of("admin");

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        // short leases and rounds, so that a takeover is quick; the outbox's lease is the one the test kills
        List<String> settings = List.of("ttx.outbox.lease-ttl=" + LEASE_TTL.toMillis() + "ms", "ttx.outbox.poll-interval=200ms",
            "ttx.search.reindex-lease=20s");
        a = Replica.start(DEPLOYMENT, "replica-a", settings);
        b = Replica.start(DEPLOYMENT, "replica-b", settings);
        a.awaitStarted(Duration.ofSeconds(150));
        b.awaitStarted(Duration.ofSeconds(150));
        client = MongoClients.create(TestStack.get().mongo());
        mongo = new ReactiveMongoTemplate(client, Replica.database(DEPLOYMENT));
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) a.close();
        if (b != null) b.close();
        if (mongo != null) mongo.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block(Duration.ofSeconds(30));
        if (client != null) client.close();
    }

    @Test
    void twoReplicasShareTheBackgroundWorkAndSurviveTheRelayHoldersDeath() throws Exception {
        HttpCalls http = new HttpCalls();
        // both serve requests
        for (Replica r : List.of(a, b)) assertThat(http.get(r.url() + "/api/v1/me", owner).statusCode()).as(r.name()).isEqualTo(200);

        // a reindex asked of both replicas at once runs once, on one of them
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            publish(http, pool, IntStream.range(0, WARM_UP).mapToObj(i -> i % 2 == 0 ? a : b).toList());
            eventuallySearchable(http, a, WARM_UP, Instant.now().plusSeconds(30));
            reindexRunsOnce(http, pool);

            // the stream: the first half through both replicas, then the relay's holder is killed while the second half
            // goes on through the survivor
            Replica holder = relayHolder();
            Replica survivor = holder == a ? b : a;
            Map<String, Integer> answeredBy = new ConcurrentHashMap<>();
            List<Replica> targets = IntStream.range(0, STREAM).mapToObj(i -> i < STREAM / 2 ? (i % 2 == 0 ? a : b) : survivor).toList();
            List<Future<String>> stream = submit(http, pool, targets, answeredBy);
            for (Future<String> f : stream.subList(0, STREAM / 2)) f.get();
            assertThat(relayHolder()).as("the relay's lease stays with its holder while it lives").isSameAs(holder);
            holder.kill();
            Instant killed = Instant.now();
            List<String> beforeTheKill = stream.subList(0, STREAM / 2).stream().map(TwoReplicasIT::value).toList();
            // what was published before the kill is searchable within the lease's TTL plus 10 s, the stream going on
            HttpCalls.eventually(killed.plus(LEASE_TTL).plusSeconds(10), () -> {
                assertThat(indexedOf(http, beforeTheKill)).as("indexed of those published before the kill").isEqualTo((long) beforeTheKill.size());
                return true;
            });
            Duration caughtUp = Duration.between(killed, Instant.now());
            for (Future<String> f : stream) f.get();
            Instant lastPublished = Instant.now();
            assertThat(answeredBy).as("publications answered by each replica").containsKeys(a.name(), b.name());

            Instant deadline = (lastPublished.isAfter(killed) ? lastPublished : killed).plus(LEASE_TTL).plusSeconds(10);
            eventuallySearchable(http, survivor, WARM_UP + STREAM, deadline);
            System.out.printf("TwoReplicasIT: killed %s; what was published before searchable %d ms later; stream done %d ms later; "
                + "all searchable %d ms after the kill%n", holder.name(), caughtUp.toMillis(), Duration.between(killed, lastPublished).toMillis(),
                Duration.between(killed, Instant.now()).toMillis());
            assertThat(relayHolder()).as("the survivor took the relay over").isSameAs(survivor);
            // the other consumers of the events may still be at work: the events leave their documents after the last one
            HttpCalls.eventually(Instant.now().plusSeconds(15), () -> everyEventHandledOnceAtItsFinalVersion(http));
        } finally {
            pool.shutdownNow();
        }
    }

    private void reindexRunsOnce(HttpCalls http, ExecutorService pool) throws Exception {
        String url = "/api/v1/admin/search/reindex";
        Future<HttpCalls.Answer> viaA = pool.submit(() -> http.post(a.url() + url, admin, null));
        Future<HttpCalls.Answer> viaB = pool.submit(() -> http.post(b.url() + url, admin, null));
        List<HttpCalls.Answer> answers = List.of(viaA.get(), viaB.get());
        assertThat(answers).extracting(HttpCalls.Answer::statusCode).containsExactlyInAnyOrder(202, 409);
        String job = answers.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow().json().get("id").asString();
        // any replica reports it
        JsonNode done = HttpCalls.eventually(Instant.now().plusSeconds(60), () -> {
            JsonNode j = http.get(b.url() + url + "/" + job, admin).json();
            assertThat(j.get("status").asString()).isEqualTo("DONE");
            return j;
        });
        String alias = Replica.alias(DEPLOYMENT);
        JsonNode achievements = null;
        for (JsonNode target : done.get("indices")) if (target.get("alias").asString().equals(alias)) achievements = target;
        assertThat(achievements).as("the achievements' rebuild").isNotNull();
        assertThat(achievements.get("copied").asLong()).as("each achievement copied once").isEqualTo(WARM_UP);
        assertThat(mongo.count(new Query(), "search_reindex_jobs").block(Duration.ofSeconds(10))).as("jobs").isEqualTo(1L);
        String es = TestStack.get().es();
        assertThat(http.get(es + "/_alias/" + alias, null).body()).contains("\"" + alias + "-v2\"");
        assertThat(http.get(es + "/" + alias + "-v3", null).statusCode()).as("no second rebuild").isEqualTo(404);
    }

    private boolean everyEventHandledOnceAtItsFinalVersion(HttpCalls http) {
        Map<String, Long> versions = new ConcurrentHashMap<>();
        for (Document d : mongo.find(new Query(), Document.class, "achievements").collectList().block(Duration.ofSeconds(30))) {
            assertThat(d.getList("pendingEvents", Document.class, List.of())).as("pending events of " + d.getString("_id")).isEmpty();
            versions.put(d.getString("_id"), ((Number) d.get("version")).longValue());
        }
        assertThat(versions).hasSize(WARM_UP + STREAM);
        assertThat(mongo.count(Query.query(Criteria.where("deadLetterId").exists(true)), "outbox_deliveries").block(Duration.ofSeconds(10)))
            .as("dead letters").isZero();
        JsonNode hits = http.post(TestStack.get().es() + "/" + Replica.alias(DEPLOYMENT) + "/_search", null,
            "{\"size\": 2000, \"version\": true, \"_source\": false}").json().at("/hits/hits");
        Map<String, Long> indexed = new ConcurrentHashMap<>();
        hits.forEach(h -> indexed.put(h.get("_id").asString(), h.get("_version").asLong()));
        assertThat(indexed).as("indexed once each, at the version MongoDB holds").isEqualTo(versions);
        return true;
    }

    /** How many of these achievements the search index holds (the index behind the search API). */
    private static long indexedOf(HttpCalls http, List<String> ids) {
        String query = "{\"query\": {\"ids\": {\"values\": [\"" + String.join("\",\"", ids) + "\"]}}}";
        return http.expect(200, http.post(TestStack.get().es() + "/" + Replica.alias(DEPLOYMENT) + "/_count", null, query)).json()
            .get("count").asLong();
    }

    private static String value(Future<String> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Replica relayHolder() {
        Document lease = HttpCalls.eventually(Instant.now().plusSeconds(10), () -> {
            Document d = mongo.findById("outbox:achievements", Document.class, "leases").block(Duration.ofSeconds(10));
            assertThat(d).isNotNull();
            return d;
        });
        String ownerId = lease.getString("owner");
        assertThat(ownerId).isIn(a.name(), b.name());
        return ownerId.equals(a.name()) ? a : b;
    }

    private void publish(HttpCalls http, ExecutorService pool, List<Replica> targets) throws Exception {
        for (Future<String> f : submit(http, pool, targets, new ConcurrentHashMap<>())) f.get();
    }

    /** One publication per target (created, submitted and approved through it), {@code answeredBy} counts per replica. */
    private List<Future<String>> submit(HttpCalls http, ExecutorService pool, List<Replica> targets, Map<String, Integer> answeredBy) {
        return targets.stream().map(r -> pool.submit((Callable<String>) () -> {
            ObjectNode body = CatalogueTestSteps.body();
            ((ArrayNode) body.get("patents").get(0).get("coOwners")).removeAll();
            String id = http.expect(201, http.post(r.url() + "/api/v1/achievements", owner, body.toString())).json().get("id").asString();
            http.expect(200, http.post(r.url() + "/api/v1/achievements/" + id + "/submission", owner, null));
            http.expect(200, http.post(r.url() + "/api/v1/achievements/" + id + "/review", broker, "{\"decision\":\"APPROVE\"}"));
            answeredBy.merge(r.name(), 1, Integer::sum);
            return id;
        })).toList();
    }

    private void eventuallySearchable(HttpCalls http, Replica via, int expected, Instant deadline) {
        HttpCalls.eventually(deadline, () -> {
            JsonNode found = http.get(via.url() + "/api/v1/search/achievements?owner=" + org + "&size=1", owner).json();
            assertThat(found.at("/total/value").asLong()).as("searchable publications").isEqualTo(expected);
            return found;
        });
    }
}
