package io.ttx.brokerage;

import io.ttx.documents.Pdfs;
import io.ttx.documents.storage.ObjectStore;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deal room: confidential documents and messages shared by the deal's parties and its broker organisation, read by
 * admins and auditors, hidden (404) from everyone else. The ITs run with a room bound of 4 documents and 30 messages.
 */
class DealRoomIT extends IntegrationTest {
    private static final byte[] REPORT = Pdfs.withText("Pilot line test report", "Yield 97.2 percent over 400 cells");
    private static final int ROOM_DOCUMENTS = 4;
    private static final int ROOM_MESSAGES = 30;
    private static final int MAX_TEXT = 4_000;

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ObjectStore objects;

    private DealSteps s;
    private String otherEnterprise;
    private String otherBroker;
    private String strangerTto;

    @BeforeEach
    void people() {
        s = new DealSteps(api);
        otherEnterprise = DealSteps.otherBuyer();
        otherBroker = DealSteps.token("broker-z", "broker", TestOrgs.random("52", "330100"));
        String university = TestOrgs.university();
        strangerTto = DealSteps.token("tto-" + university, "tto", university);
    }

    /** A deal its broker organisation claimed. */
    private String claimedDeal() {
        String id = s.opened(s.achievement(), "EXCLUSIVE_LICENCE").get("id").asString();
        s.ok(s.broker, id, "{\"type\":\"CLAIM\"}");
        return id;
    }

    @Test
    void partiesAndTheBrokerShareDocumentsThatOnlyTheDealsReadersSee() throws Exception {
        String id = claimedDeal();
        String etag = etag(id);
        Map<String, String> sides = Map.of(s.tto, "SELLER", s.buyer, "BUYER", s.broker2, "BROKER");
        List<String> docs = new ArrayList<>();
        for (String bearer : List.of(s.tto, s.buyer, s.broker2)) {
            byte[] bytes = (sides.get(bearer) + " notes: pilot-line yield and cost figures").getBytes();
            JsonNode d = upload(bearer, id, sides.get(bearer).toLowerCase() + ".txt", bytes, null).expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/v1/documents/doc_").endsWith("/content"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(d.get("dealId").asString()).isEqualTo(id);
            assertThat(d.get("side").asString()).isEqualTo(sides.get(bearer));
            assertThat(d.get("contentType").asString()).isEqualTo("text/plain");
            assertThat(d.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            docs.add(d.get("id").asString());
            // every reader downloads the same bytes, whoever uploaded them
            for (String reader : List.of(s.tto, s.researcher, s.buyer, s.broker, s.admin, auditor())) {
                assertThat(download(reader, d.get("id").asString())).isEqualTo(bytes);
            }
        }
        JsonNode pdf = upload(s.tto, id, "report.pdf", REPORT, "CONFIDENTIAL").expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        docs.add(pdf.get("id").asString());
        for (String reader : List.of(s.tto, s.researcher, s.buyer, s.broker, s.broker2, s.admin, auditor())) {
            assertThat(list(reader, id)).containsExactlyElementsOf(docs);
        }
        assertThat(download(s.buyer, pdf.get("id").asString())).isEqualTo(REPORT);
        // confidential to the deal: never a listing's document, never extracted (so never indexed)
        assertThat(mongo.exists(Query.query(Criteria.where("_id").in(docs)), "documents").block(Duration.ofSeconds(10))).isFalse();
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(pdf.get("id").asString())), Document.class, "room_documents")
            .block(Duration.ofSeconds(10));
        assertThat(stored).doesNotContainKeys("text", "textStatus", "pendingEvents");
        // uploading is not a deal command
        assertThat(etag(id)).isEqualTo(etag);
        // everyone else: 404, as for the deal itself
        for (String outsider : List.of(otherEnterprise, otherBroker, strangerTto)) {
            room(outsider, id, "documents").expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("not-found");
            upload(outsider, id, "x.txt", "x".getBytes(), null).expectStatus().isNotFound();
            for (String doc : docs) {
                content(outsider, doc).expectStatus().isNotFound();
            }
        }
        // a room's documents are the deal's record: not deletable, not even by their uploader
        api.delete().uri("/api/v1/documents/{d}", docs.getFirst()).header(HttpHeaders.AUTHORIZATION, s.tto).exchange()
            .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        api.delete().uri("/api/v1/documents/{d}", docs.getFirst()).header(HttpHeaders.AUTHORIZATION, otherEnterprise).exchange()
            .expectStatus().isNotFound();
        assertThat(list(s.tto, id)).hasSize(docs.size());
    }

    /**
     * Roles that never upload are refused by the route (403) before the deal is read; a broker of the claim queue sees
     * the deal but not its room (403) until its organisation claims it.
     */
    @Test
    void rolesThatMayNotUseTheRoomAreRefused() {
        String id = s.opened(s.achievement(), "EXCLUSIVE_LICENCE").get("id").asString();
        String doc = upload(s.buyer, id, "brief.txt", "what we need".getBytes(), null).expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        for (String bearer : List.of(s.researcher, s.admin, auditor())) {
            upload(bearer, id, "x.txt", "x".getBytes(), null).expectStatus().isForbidden();
        }
        String evaluator = DealSteps.token("ev", "evaluator", TestOrgs.random("52", "330100"));
        room(evaluator, id, "documents").expectStatus().isForbidden();
        room(evaluator, id, "messages").expectStatus().isForbidden();
        // the claim queue: the deal yes, its room no
        s.get(otherBroker, id);
        room(otherBroker, id, "documents").expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        room(otherBroker, id, "messages").expectStatus().isForbidden();
        upload(otherBroker, id, "x.txt", "x".getBytes(), null).expectStatus().isForbidden();
        post(otherBroker, id, "may I?").expectStatus().isForbidden();
        content(otherBroker, doc).expectStatus().isNotFound();
        // once claimed by the broker's organisation, the room opens to all its brokers
        s.ok(s.broker, id, "{\"type\":\"CLAIM\"}");
        assertThat(list(s.broker2, id)).containsExactly(doc);
        room(otherBroker, id, "documents").expectStatus().isNotFound();
    }

    @Test
    void aWithdrawnDealsRoomIsReadOnlyAndKeepsItsRecord() {
        String id = claimedDeal();
        String doc = upload(s.tto, id, "nda.txt", "signed NDA scan".getBytes(), null).expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        post(s.buyer, id, "We have to stop here, sorry.").expectStatus().isCreated();
        s.ok(s.buyer, id, "{\"type\":\"WITHDRAW\",\"reason\":\"budget cut\"}");
        for (String bearer : List.of(s.tto, s.buyer, s.broker)) {
            upload(bearer, id, "late.txt", "too late".getBytes(), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("deal-ended");
            post(bearer, id, "too late").expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("deal-ended");
        }
        post(s.admin, id, "closing note").expectStatus().isEqualTo(409);
        assertThat(list(s.buyer, id)).containsExactly(doc);
        assertThat(download(s.tto, doc)).isEqualTo("signed NDA scan".getBytes());
        assertThat(messages(s.broker, id, null, 50).get("items")).hasSize(1);
        assertThat(objectsOf(id)).hasSize(1);
    }

    /** Refused uploads (type, form, size) leave no object and give their slot back; the fifth document is one too many. */
    @Test
    void uploadsKeepTheDocumentBoundsAndTheRoomsLimit() {
        String id = claimedDeal();
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes();
        upload(s.tto, id, "innocent.pdf", html, null).expectStatus().isEqualTo(415)
            .expectBody().jsonPath("$.code").isEqualTo("unsupported-document-type");
        upload(s.tto, id, "public.txt", "x".getBytes(), "PUBLIC").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("confidentiality");
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(REPORT, 0, big, 0, REPORT.length);
        upload(s.tto, id, "big.pdf", big, null).expectStatus().isEqualTo(413)
            .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");
        MultipartBodyBuilder noFile = new MultipartBodyBuilder();
        noFile.part("confidentiality", "CONFIDENTIAL");
        api.post().uri("/api/v1/deals/{id}/documents", id).header(HttpHeaders.AUTHORIZATION, s.buyer)
            .body(BodyInserters.fromMultipartData(noFile.build())).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        assertThat(list(s.tto, id)).isEmpty();
        eventually(Duration.ofSeconds(10), () -> assertThat(objectsOf(id)).isEmpty());
        for (int i = 0; i < ROOM_DOCUMENTS; i++) {
            upload(i % 2 == 0 ? s.tto : s.broker, id, "doc" + i + ".txt", ("document " + i).getBytes(), null).expectStatus().isCreated();
        }
        upload(s.buyer, id, "one-too-many.txt", "x".getBytes(), null).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.code").isEqualTo("limit-reached");
        assertThat(list(s.tto, id)).hasSize(ROOM_DOCUMENTS);
        assertThat(objectsOf(id)).hasSize(ROOM_DOCUMENTS);
    }

    @Test
    void messagesRoundTripNewestFirstWithPagingAndLeaveTheDealAsItIs() {
        String id = claimedDeal();
        JsonNode before = s.get(s.admin, id);
        String etag = etag(id);
        JsonNode first = post(s.buyer, id, "  Could you share the pilot-line test report?  ").expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(first.get("id").asString()).startsWith("msg_");
        assertThat(first.get("text").asString()).isEqualTo("Could you share the pilot-line test report?");
        assertThat(first.get("side").asString()).isEqualTo("BUYER");
        assertThat(first.get("org").asString()).isEqualTo(s.buyerOrg);
        assertThat(first.get("by").asString()).isEqualTo("buyer-" + s.buyerOrg);
        JsonNode nfc = post(s.tto, id, "Caf\u0065\u0301 meeting on Tuesday?").expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(nfc.get("text").asString()).isEqualTo("Caf\u00e9 meeting on Tuesday?");
        assertThat(nfc.get("side").asString()).isEqualTo("SELLER");
        assertThat(post(s.broker2, id, "I will join.").expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
            .getResponseBody().get("side").asString()).isEqualTo("BROKER");
        JsonNode admin = post(s.admin, id, "Platform note: keep pricing in the term sheet.").expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(admin.get("side").asString()).isEqualTo("ADMIN");
        assertThat(admin.has("org")).isFalse();
        for (int i = 0; i < 8; i++) post(i % 2 == 0 ? s.tto : s.buyer, id, "message " + i).expectStatus().isCreated();
        String longest = "长".repeat(MAX_TEXT);
        assertThat(post(s.tto, id, longest).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
            .get("text").asString()).isEqualTo(longest);
        // 13 messages: pages of 5, newest first, each message once
        List<String> texts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = messages(s.researcher, id, cursor, 5);
            page.get("items").forEach(m -> texts.add(m.get("text").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(texts).hasSize(13).doesNotHaveDuplicates();
        assertThat(texts.getFirst()).isEqualTo(longest);
        assertThat(texts.get(1)).isEqualTo("message 7");
        assertThat(texts.getLast()).isEqualTo("Could you share the pilot-line test report?");
        assertThat(messages(auditor(), id, null, 100).get("items")).hasSize(13);
        assertThat(messages(s.tto, id, null, 50).has("nextCursor")).isFalse();
        // not a deal command: the version, ETag and trail are as they were
        JsonNode after = s.get(s.admin, id);
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
        assertThat(after.get("updatedAt").asString()).isEqualTo(before.get("updatedAt").asString());
        assertThat(etag(id)).isEqualTo(etag);
    }

    @Test
    void messagesAreCheckedBeforeTheDealIsRead() {
        String id = claimedDeal();
        api.post().uri("/api/v1/deals/{id}/messages", id).header(HttpHeaders.AUTHORIZATION, s.buyer).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}").exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        post(s.buyer, id, " \n\t ").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("required");
        post(s.buyer, id, "x".repeat(MAX_TEXT + 1)).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("text-too-long").jsonPath("$.field").isEqualTo("text");
        post(otherEnterprise, "deal_00000000000000000000", "x".repeat(40_000)).expectStatus().isEqualTo(422);
        room(s.buyer, id, "messages?size=101").expectStatus().isBadRequest();
        room(s.buyer, id, "messages?cursor=not-a-cursor").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].code").isEqualTo("invalid-cursor");
        // outsiders learn nothing: 404 for reading and posting
        for (String outsider : List.of(otherEnterprise, otherBroker, strangerTto)) {
            room(outsider, id, "messages").expectStatus().isNotFound();
            post(outsider, id, "hello?").expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("not-found");
        }
        room(s.buyer, "deal_00000000000000000000", "messages").expectStatus().isNotFound();
        // readers who do not post: the seller's researchers and auditors (the route refuses them)
        post(s.researcher, id, "a researcher's view").expectStatus().isForbidden();
        post(auditor(), id, "an auditor's view").expectStatus().isForbidden();
        assertThat(messages(s.researcher, id, null, 50).get("items")).isEmpty();
    }

    /** 40 concurrent posts to a room bounded at 30: exactly 30 are stored, the others get 409 limit-reached. */
    @Test
    void aRoomHoldsAtMostItsBoundOfMessagesUnderConcurrentPosts() throws Exception {
        String id = claimedDeal();
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < ROOM_MESSAGES + 10; i++) {
                String bearer = List.of(s.tto, s.buyer, s.broker, s.broker2).get(i % 4);
                String text = "concurrent " + i;
                posts.add(pool.submit(() -> post(bearer, id, text).returnResult(Void.class).getStatus().value()));
            }
            for (Future<Integer> f : posts) statuses.add(f.get());
        }
        assertThat(statuses).filteredOn(st -> st == 201).hasSize(ROOM_MESSAGES);
        assertThat(statuses).filteredOn(st -> st == 409).hasSize(10);
        assertThat(messages(s.tto, id, null, 100).get("items")).hasSize(ROOM_MESSAGES);
        post(s.admin, id, "one more").expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("limit-reached");
    }

    private String etag(String dealId) {
        return api.get().uri("/api/v1/deals/{id}", dealId).header(HttpHeaders.AUTHORIZATION, s.buyer).exchange().expectStatus().isOk()
            .returnResult(Void.class).getResponseHeaders().getETag();
    }

    private static String auditor() {
        return DealSteps.token("auditor-x", "auditor", null);
    }

    private WebTestClient.ResponseSpec upload(String bearer, String dealId, String filename, byte[] bytes, String confidentiality) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) { @Override public String getFilename() { return filename; } })
            .contentType(MediaType.APPLICATION_OCTET_STREAM);
        if (confidentiality != null) mb.part("confidentiality", confidentiality);
        return api.post().uri("/api/v1/deals/{id}/documents", dealId).header(HttpHeaders.AUTHORIZATION, bearer)
            .body(BodyInserters.fromMultipartData(mb.build())).exchange();
    }

    private WebTestClient.ResponseSpec room(String bearer, String dealId, String what) {
        return api.get().uri("/api/v1/deals/" + dealId + "/" + what).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    private List<String> list(String bearer, String dealId) {
        JsonNode r = room(bearer, dealId, "documents").expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return r.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    private WebTestClient.ResponseSpec content(String bearer, String docId) {
        return api.get().uri("/api/v1/documents/{d}/content", docId).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    /** Follows the 302 to the presigned URL and returns the bytes. */
    private byte[] download(String bearer, String docId) {
        URI url = content(bearer, docId).expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private WebTestClient.ResponseSpec post(String bearer, String dealId, String text) {
        return api.post().uri("/api/v1/deals/{id}/messages", dealId).header(HttpHeaders.AUTHORIZATION, bearer)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", text)).exchange();
    }

    private JsonNode messages(String bearer, String dealId, String cursor, int size) {
        return api.get().uri(b -> {
                b.path("/api/v1/deals/{id}/messages").queryParam("size", size);
                if (cursor != null) b.queryParam("cursor", cursor);
                return b.build(dealId);
            }).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> objectsOf(String dealId) {
        return objects.list("deals/" + dealId + "/").map(Map.Entry::getKey).collectList().block(Duration.ofSeconds(20));
    }
}
