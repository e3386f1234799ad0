package io.ttx.catalogue;

import io.ttx.testsupport.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

import static io.ttx.catalogue.RevisionSteps.documents;
import static io.ttx.catalogue.RevisionSteps.get;
import static io.ttx.catalogue.RevisionSteps.patch;
import static io.ttx.catalogue.RevisionSteps.review;
import static io.ttx.catalogue.RevisionSteps.search;
import static io.ttx.catalogue.RevisionSteps.uploadPdf;
import static io.ttx.catalogue.RevisionSteps.word;
import static org.assertj.core.api.Assertions.assertThat;

/** A published achievement changes only through review: edits and new public documents wait for a broker's decision. */
class AchievementRevisionsIT extends IntegrationTest {
    private static final Duration INDEXED = Duration.ofSeconds(20);

    @Autowired
    ReactiveMongoTemplate mongo;

    /** A published achievement titled with a word of its own (searchable), as tto. */
    private String published(String titleWord) {
        ObjectNode body = AchievementFixtures.body(b -> ((ObjectNode) b.get("title")).put("en", "Battery " + titleWord + " estimation"));
        String id = AchievementFixtures.create(api, bearer("tto"), body).get("id").asString();
        AchievementFixtures.step(api, bearer("tto"), id, "submission", null);
        AchievementFixtures.step(api, bearer("broker"), id, "review", "{\"decision\":\"APPROVE\"}");
        return id;
    }

    @Test
    void anEditOfAPublishedAchievementWaitsForReviewThenGoesLive() {
        String oldWord = word();
        String newWord = word();
        String id = published(oldWord);
        eventually(INDEXED, () -> assertThat(search(api, bearer("enterprise"), oldWord)).containsExactly(id));
        long version = get(api, bearer("tto"), id).get("version").asLong();

        JsonNode answer = patch(api, bearer("tto"), id, version, "{\"title\": {\"en\": \"Battery " + newWord + " estimation\"}}")
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.at("/title/en").asString()).contains(oldWord);
        assertThat(answer.at("/status").asString()).isEqualTo("PUBLISHED");
        assertThat(answer.at("/pendingRevision/status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(answer.at("/pendingRevision/content/title/en").asString()).contains(newWord);
        assertThat(answer.at("/pendingRevision/version").asLong()).isEqualTo(answer.get("version").asLong());

        // a second edit merges into the pending content
        JsonNode merged = patch(api, bearer("tto"), id, answer.get("version").asLong(), "{\"trl\": 7}")
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(merged.at("/pendingRevision/content/title/en").asString()).contains(newWord);
        assertThat(merged.at("/pendingRevision/content/trl").asInt()).isEqualTo(7);
        assertThat(merged.get("trl").asInt()).isEqualTo(6);

        // everyone else keeps seeing and finding the published content, and no revision
        JsonNode seen = get(api, bearer("enterprise"), id);
        assertThat(seen.at("/title/en").asString()).contains(oldWord);
        assertThat(seen.has("pendingRevision")).isFalse();
        assertThat(get(api, bearer("broker"), id).has("pendingRevision")).isTrue();
        assertThat(search(api, bearer("enterprise"), newWord)).isEmpty();
        assertThat(search(api, bearer("enterprise"), oldWord)).containsExactly(id);

        // the reviewers' queue of changes
        JsonNode queue = api.get().uri(u -> u.path("/api/v1/achievements").queryParam("revision", "UNDER_REVIEW").queryParam("size", 100).build())
            .header(HttpHeaders.AUTHORIZATION, bearer("broker")).exchange().expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
        assertThat(queue.get("items").valueStream().map(i -> i.get("id").asString()).toList()).contains(id);

        JsonNode approved = review(api, bearer("broker"), id, "APPROVE").expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(approved.at("/status").asString()).isEqualTo("PUBLISHED");
        assertThat(approved.at("/title/en").asString()).contains(newWord);
        assertThat(approved.get("trl").asInt()).isEqualTo(7);
        assertThat(approved.has("pendingRevision")).isFalse();
        assertThat(get(api, bearer("enterprise"), id).at("/title/en").asString()).contains(newWord);
        eventually(INDEXED, () -> assertThat(search(api, bearer("enterprise"), newWord)).containsExactly(id));
        assertThat(search(api, bearer("enterprise"), oldWord)).isEmpty();

        List<String> actions = history(id);
        assertThat(actions).containsSubsequence("APPROVE", "REVISION_SUBMITTED", "REVISION_SUBMITTED", "REVISION_APPROVED");
    }

    @Test
    void aRejectedRevisionLeavesThePublishedContent() {
        String oldWord = word();
        String id = published(oldWord);
        long version = get(api, bearer("tto"), id).get("version").asLong();
        patch(api, bearer("tto"), id, version, "{\"title\": {\"en\": \"Battery " + word() + " estimation\"}}").expectStatus().isOk();

        JsonNode rejected = review(api, bearer("broker"), id, "REJECT").expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(rejected.at("/status").asString()).isEqualTo("PUBLISHED");
        assertThat(rejected.at("/title/en").asString()).contains(oldWord);
        assertThat(rejected.has("pendingRevision")).isFalse();
        assertThat(get(api, bearer("enterprise"), id).at("/title/en").asString()).contains(oldWord);
        eventually(INDEXED, () -> assertThat(search(api, bearer("enterprise"), oldWord)).containsExactly(id));
        assertThat(history(id)).endsWith("REVISION_DROPPED");
        // nothing left to review: a second decision is a conflict
        review(api, bearer("broker"), id, "APPROVE").expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("illegal-transition");
    }

    @Test
    void contactChangesApplyAtOnceWithoutARevision() {
        String id = published(word());
        long version = get(api, bearer("tto"), id).get("version").asLong();
        JsonNode answer = patch(api, bearer("tto"), id, version, "{\"contact\": {\"name\": \"李老师\", \"email\": \"li@example.edu.cn\"}}")
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.at("/contact/name").asString()).isEqualTo("李老师");
        assertThat(answer.has("pendingRevision")).isFalse();
        assertThat(history(id)).endsWith("EDIT");
    }

    @Test
    void aPublicDocumentAddedAfterApprovalIsShownAndSearchableOnlyAfterReview() {
        String docWord = word();
        String id = published(word());
        JsonNode doc = uploadPdf(api, bearer("tto"), id, "Cathode coating " + docWord + " process");
        String docId = doc.get("id").asString();
        assertThat(doc.get("review").asString()).isEqualTo("PENDING");

        assertThat(documents(api, bearer("tto"), id)).containsExactly(docId);
        assertThat(documents(api, bearer("broker"), id)).containsExactly(docId);
        assertThat(documents(api, bearer("enterprise"), id)).isEmpty();
        api.get().uri("/api/v1/documents/{d}/content", docId).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange()
            .expectStatus().isNotFound();
        assertThat(get(api, bearer("tto"), id).at("/pendingRevision/status").asString()).isEqualTo("UNDER_REVIEW");
        // the text is extracted meanwhile, yet not searchable
        eventually(INDEXED, () -> assertThat(textStatus(docId)).isEqualTo("EXTRACTED"));
        assertThat(search(api, bearer("enterprise"), docWord)).isEmpty();

        review(api, bearer("broker"), id, "APPROVE").expectStatus().isOk();
        eventually(INDEXED, () -> assertThat(documents(api, bearer("enterprise"), id)).containsExactly(docId));
        api.get().uri("/api/v1/documents/{d}/content", docId).header(HttpHeaders.AUTHORIZATION, bearer("enterprise")).exchange()
            .expectStatus().isFound();
        eventually(INDEXED, () -> assertThat(search(api, bearer("enterprise"), docWord)).containsExactly(id));
    }

    @Test
    void withdrawalDropsThePendingRevision() {
        String id = published(word());
        long version = get(api, bearer("tto"), id).get("version").asLong();
        JsonNode pending = patch(api, bearer("tto"), id, version, "{\"trl\": 8}").expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
        assertThat(pending.has("pendingRevision")).isTrue();
        JsonNode withdrawn = AchievementFixtures.step(api, bearer("tto"), id, "withdrawal", "{\"note\":\"licensed elsewhere\"}");
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.has("pendingRevision")).isFalse();
        assertThat(get(api, bearer("tto"), id).has("pendingRevision")).isFalse();
        assertThat(history(id)).endsWith("WITHDRAW", "REVISION_DROPPED");
    }

    private List<String> history(String id) {
        JsonNode h = api.get().uri("/api/v1/achievements/{id}/history", id).header(HttpHeaders.AUTHORIZATION, bearer("tto")).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return h.get("items").valueStream().map(i -> i.get("action").asString()).toList();
    }

    private String textStatus(String docId) {
        Document d = mongo.findById(docId, Document.class, "documents").block(Duration.ofSeconds(10));
        return d == null ? null : d.getString("textStatus");
    }
}
