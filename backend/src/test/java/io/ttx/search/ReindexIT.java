package io.ttx.search;

import io.ttx.search.elastic.AchievementIndex;
import io.ttx.search.elastic.DemandIndex;
import io.ttx.search.persistence.ReindexJobStore;
import io.ttx.search.reindex.ReindexJob;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.LeaseLost;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ttx.search.SearchSteps.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Zero-downtime rebuild: a new generation from MongoDB, an atomic alias switch, searches answered throughout. */
class ReindexIT extends IntegrationTest {
    @Autowired
    AchievementIndex achievements;
    @Autowired
    DemandIndex demands;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ReindexJobStore jobs;

    private final String org = TestOrgs.university();
    private final String owner = "Bearer " + Tokens.custom("reindex-owner", List.of("tto"), org, "330100");

    @Test
    void aReindexSwitchesTheAliasWhileSearchesKeepAnswering() throws Exception {
        String word = SearchSteps.nonce();
        for (int i = 0; i < 5; i++) {
            int n = i;
            SearchSteps.publishAchievement(api, owner, bearer("broker"), b -> b.set("title", texts("氢燃料电池双极板" + n + " " + word, "Fuel cell bipolar plate " + n + " " + word)));
        }
        eventually(Duration.ofSeconds(20), () -> assertThat(total(word)).isEqualTo(5));
        String before = achievements.current().block(Duration.ofSeconds(10));
        String demandsBefore = demands.current().block(Duration.ofSeconds(10));

        // searches from another thread for the whole rebuild: every answer must be 200 with all five records
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        AtomicInteger searches = new AtomicInteger();
        Thread searcher = new Thread(() -> {
            while (!stop.get()) {
                var r = raw.get().uri(u -> u.path("/api/v1/search/achievements").queryParam("q", word).queryParam("owner", org).build())
                    .header(HttpHeaders.AUTHORIZATION, owner).exchange().returnResult(JsonNode.class);
                JsonNode body = r.getResponseBody().blockFirst(Duration.ofSeconds(30));
                String outcome = r.getStatus().value() + "/" + (body == null ? "-" : body.at("/total/value").asLong());
                outcomes.merge(outcome, 1, Integer::sum);
                searches.incrementAndGet();
            }
        });
        searcher.start();
        try {
            eventually(Duration.ofSeconds(10), () -> assertThat(searches.get()).isPositive());
            JsonNode job = api.post().uri("/api/v1/admin/search/reindex").header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
                .expectStatus().isAccepted().expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/v1/admin/search/reindex/rix_.+")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
            String jobId = job.get("id").asString();
            // a record published while the rebuild runs must be in the new generation afterwards
            String late = SearchSteps.publishAchievement(api, owner, bearer("broker"), b -> b.set("title", texts("氢燃料电池双极板涂层 " + word, "Bipolar plate coating " + word)));
            JsonNode[] done = new JsonNode[1];
            eventually(Duration.ofSeconds(60), () -> {
                done[0] = api.get().uri("/api/v1/admin/search/reindex/{id}", jobId).header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
                assertThat(done[0].get("status").asString()).isIn("RUNNING", "DONE").isEqualTo("DONE");
            });
            int seen = searches.get();
            eventually(Duration.ofSeconds(10), () -> assertThat(searches.get()).isGreaterThan(seen + 2));
            stop.set(true);
            searcher.join(30_000);
            assertThat(outcomes.keySet()).allMatch(o -> o.equals("200/5") || o.equals("200/6"));
            assertThat(done[0].at("/indices/0/alias").asString()).isEqualTo("achievements");
            assertThat(done[0].at("/indices/0/from").asString()).isEqualTo(before);
            assertThat(done[0].at("/indices/0/switched").asBoolean()).isTrue();
            assertThat(done[0].at("/indices/0/copied").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(achievements.current().block(Duration.ofSeconds(10))).isEqualTo(achievements.nextAfter(before));
            assertThat(demands.current().block(Duration.ofSeconds(10))).isEqualTo(demands.nextAfter(demandsBefore));
            eventually(Duration.ofSeconds(20), () -> assertThat(total(word)).isEqualTo(6));
            assertThat(late).startsWith("ach_");
            // the generation before stays for a rollback
            assertThat(achievements.generations().block(Duration.ofSeconds(10))).contains(before);
        } finally {
            stop.set(true);
            searcher.join(30_000);
        }
    }

    @Test
    void onlyAdminsRebuildOneAtATimeAcrossReplicas() {
        api.post().uri("/api/v1/admin/search/reindex").header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isForbidden();
        api.post().uri("/api/v1/admin/search/reindex").exchange().expectStatus().isUnauthorized();
        api.get().uri("/api/v1/admin/search/reindex/rix_missing").header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
            .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("reindex-job-not-found");
        api.post().uri("/api/v1/admin/search/reindex").header(HttpHeaders.AUTHORIZATION, bearer("admin"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"indices\": [\"patents\"]}").exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("indices");
        // another replica holds the lease: this one refuses to start a second rebuild
        Document lease = new Document("_id", "search-reindex").append("owner", "another-replica")
            .append("until", java.util.Date.from(java.time.Instant.now().plusSeconds(600)));
        mongo.save(lease, "leases").block(Duration.ofSeconds(10));
        try {
            api.post().uri("/api/v1/admin/search/reindex").header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("reindex-running");
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is("search-reindex").and("owner").is("another-replica")), "leases")
                .block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aReplicaThatLostTheReindexCanNoLongerWriteItsJob() {
        // a replica that ran a rebuild and stopped renewing its lease (a long pause, or dead): its lease has expired
        long staleToken = System.currentTimeMillis();
        mongo.save(new Document("_id", "search-reindex").append("owner", "paused-replica").append("token", staleToken)
            .append("until", java.util.Date.from(java.time.Instant.now().minusSeconds(1))), "leases").block(Duration.ofSeconds(10));
        Fence staleFence = new Fence("search-reindex", "fence", staleToken);
        java.time.Instant since = java.time.Instant.now().minusSeconds(30);
        ReindexJob stale = new ReindexJob("rix_stale" + System.nanoTime(), ReindexJob.Status.RUNNING, "admin", since, since, null,
            List.of(new ReindexJob.Target("achievements", null, null, 0, 0, false)), null);
        jobs.insert(stale, staleFence).block(Duration.ofSeconds(10));

        // another replica (this one) takes the reindex over and runs it (once a rebuild of an earlier test has let go)
        String[] started = new String[1];
        eventually(Duration.ofSeconds(10), () -> started[0] = api.post().uri("/api/v1/admin/search/reindex").header(HttpHeaders.AUTHORIZATION, bearer("admin"))
            .exchange().expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString());
        String jobId = started[0];
        eventually(Duration.ofSeconds(60), () -> assertThat(api.get().uri("/api/v1/admin/search/reindex/{id}", jobId)
            .header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
            .getResponseBody().get("status").asString()).isEqualTo("DONE"));

        // the paused replica wakes up and saves its progress: refused, its job stays interrupted
        ReindexJob progress = new ReindexJob(stale.id(), ReindexJob.Status.RUNNING, "admin", since, java.time.Instant.now(), null,
            List.of(new ReindexJob.Target("achievements", "achievements-v1", "achievements-v2", 5, 0, false)), null);
        assertThatThrownBy(() -> jobs.save(progress, staleFence).block(Duration.ofSeconds(10))).isInstanceOf(LeaseLost.class);
        assertThat(jobs.find(stale.id()).block(Duration.ofSeconds(10))).extracting(ReindexJob::status).isEqualTo(ReindexJob.Status.INTERRUPTED);
    }

    private long total(String word) {
        return api.get().uri(u -> u.path("/api/v1/search/achievements").queryParam("q", word).queryParam("owner", org).build())
            .header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
            .getResponseBody().at("/total/value").asLong();
    }
}
