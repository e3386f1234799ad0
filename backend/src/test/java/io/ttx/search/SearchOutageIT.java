package io.ttx.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.JsonData;
import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.search.elastic.AchievementIndex;
import io.ttx.shared.stores.Async;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TcpProxy;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.TestStack;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch goes away in the middle of publishing (its loopback proxy is cut): publishing, withdrawing and
 * editing keep working on MongoDB, their outbox events wait, and once Elasticsearch is back the relay catches up
 * until MongoDB and the index hold the same records in their latest state. (A late, older event that must not
 * resurrect a withdrawn record is SearchIT's aLateOlderUpdateCannotResurrectAWithdrawnRecord.)
 */
class SearchOutageIT extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RECORDS = 30;
    private static final int CUT_AT = 10;

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ElasticsearchAsyncClient es;
    @Autowired
    AchievementIndex index;

    private final String org = TestOrgs.university();
    private final String owner = "Bearer " + Tokens.custom("outage-owner", List.of("tto"), org, "330100");
    /** A word no other record contains, so the search API can count this test's records. */
    private final String tag = "relaycatchup" + randomLetters(8);

    @Test
    void theIndexCatchesUpAfterAnElasticsearchOutageDuringPublishing() {
        TcpProxy elasticsearch = TestStack.proxy("es");
        List<String> ids = new ArrayList<>();
        Set<String> withdrawn = new HashSet<>();
        Map<String, String> editedTitles = new HashMap<>();
        try {
            for (int i = 0; i < RECORDS; i++) {
                if (i == CUT_AT) {
                    // the first records are in the index in their first state, which the outage's changes must replace
                    eventually(Duration.ofSeconds(30), () -> assertThat(inIndex()).isEqualTo(CUT_AT));
                    elasticsearch.cut();
                    eventually(Duration.ofSeconds(30), () -> searchStatus(503));
                }
                ids.add(publish(i));
            }
            // while Elasticsearch is still down: withdraw and edit records indexed before the cut and after it
            for (String id : List.of(ids.get(2), ids.get(CUT_AT + 5))) {
                api.post().uri("/api/v1/achievements/{id}/withdrawal", id).header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isOk();
                withdrawn.add(id);
            }
            for (String id : List.of(ids.get(4), ids.get(CUT_AT + 7), ids.get(RECORDS - 1))) {
                String title = "停机期间修改的标题 " + id;
                edit(id, title);
                editedTitles.put(id, title);
            }
            searchStatus(503); // still down: nothing above reached the index
        } finally {
            elasticsearch.restore();
        }

        Set<String> live = new HashSet<>(ids);
        live.removeAll(withdrawn);
        eventually(Duration.ofMinutes(2), () -> {
            long inMongo = publishedInMongo();
            assertThat(inMongo).isEqualTo(live.size());
            assertThat(inIndex()).isEqualTo(inMongo);
            JsonNode hits = search();
            assertThat(hits.at("/total/value").asLong()).isEqualTo(inMongo);
            Map<String, String> titles = new HashMap<>();
            hits.get("items").forEach(i -> titles.put(i.get("id").asString(), i.at("/title/zh").asString()));
            assertThat(titles.keySet()).containsExactlyInAnyOrderElementsOf(live);
            editedTitles.forEach((id, title) -> assertThat(titles).containsEntry(id, title));
        });
    }

    private String publish(int n) {
        ObjectNode body = CatalogueTestSteps.body();
        ((ArrayNode) body.get("patents").get(0).get("coOwners")).removeAll();
        body.set("title", JSON.createObjectNode().put("zh", "停机演练成果 " + n).put("en", "Outage drill record " + n));
        body.set("keywords", JSON.createArrayNode().add(tag));
        String id = api.post().uri("/api/v1/achievements").header(HttpHeaders.AUTHORIZATION, owner)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body)).exchange()
            .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        api.post().uri("/api/v1/achievements/{id}/submission", id).header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isOk();
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer("broker"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
        return id;
    }

    private void edit(String id, String titleZh) {
        String etag = api.get().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, owner).exchange()
            .expectStatus().isOk().returnResult(byte[].class).getResponseHeaders().getETag();
        api.patch().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, owner).header(HttpHeaders.IF_MATCH, etag)
            .contentType(MediaType.parseMediaType("application/merge-patch+json"))
            .bodyValue(JSON.writeValueAsString(JSON.createObjectNode().set("title", JSON.createObjectNode().put("zh", titleZh))))
            .exchange().expectStatus().isOk();
        // an edit of a published achievement goes live when a broker approves it
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer("broker"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
    }

    private void searchStatus(int status) {
        api.get().uri(u -> u.path("/api/v1/search/achievements").queryParam("q", tag).queryParam("owner", org).build())
            .header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange().expectStatus().isEqualTo(status);
    }

    private JsonNode search() {
        return api.get().uri(u -> u.path("/api/v1/search/achievements").queryParam("q", tag).queryParam("owner", org).queryParam("size", 100).build())
            .header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange().expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The records a search should find, as MongoDB (the system of record) has them: published and not expired. */
    private long publishedInMongo() {
        Query q = Query.query(Criteria.where("ownerOrg").is(org).and("status").is("PUBLISHED").and("expiresAt").gt(Instant.now()));
        return mongo.count(q, "achievements").block(Duration.ofSeconds(30));
    }

    /** The organisation's records in the index, counted by Elasticsearch itself. */
    private long inIndex() {
        return Async.mono(() -> es.count(c -> c.index(index.alias()).query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("ownerOrg").value(org)))
                .filter(f -> f.range(r -> r.untyped(u -> u.field("expiresAt").gt(JsonData.of("now")))))))))
            .block(Duration.ofSeconds(30)).count();
    }

    private static String randomLetters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        return s.toString();
    }
}
