package io.ttx.brokerage;

import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import io.ttx.testsupport.RecordingConsumer;
import io.ttx.testsupport.TestOrgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deal events become DEAL_ACTION notifications for the deal's other parties (organisations in the role they act
 * through), once whatever the outbox redelivers; an idle deal tells its broker and the party it waits for, once per idle
 * period. Users of other organisations, or of the same organisation in another role, never see them.
 */
class DealNotificationsIT extends IntegrationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SIGN_NDA_AS_SELLER = "{\"type\":\"SIGN_NDA\",\"signatory\":\"王处长\",\"ndaVersion\":\"v1\"}";
    private static final String SIGN_NDA_AS_BUYER = "{\"type\":\"SIGN_NDA\",\"signatory\":\"李经理\",\"ndaVersion\":\"v1\"}";

    @Autowired
    MutableClock clock;
    @Autowired
    @Qualifier("dealEventsRecorded")
    RecordingConsumer recorded;
    @Autowired
    @Qualifier("dealNotifications")
    OutboxConsumer notifier;

    private DealSteps s;
    /** Users who must never see the deal's notifications, by a readable name. */
    private Map<String, String> outsiders;

    @BeforeEach
    void people() {
        s = new DealSteps(api);
        String otherBrokerOrg = TestOrgs.random("52", "330100");
        String otherUniversity = TestOrgs.university();
        outsiders = Map.of("an enterprise of another organisation", DealSteps.otherBuyer(),
            "a broker of another organisation", DealSteps.token("broker-z-" + otherBrokerOrg, "broker", otherBrokerOrg),
            "a TTO of another organisation", DealSteps.token("tto-z-" + otherUniversity, "tto", otherUniversity),
            // of the seller organisation, but the seller acts through its TTO
            "the seller organisation's researcher", s.researcher,
            "an admin", s.admin);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyCommandTellsTheOtherPartiesAndNeverTheActor() {
        String id = s.opened(s.achievement(), "EXCLUSIVE_LICENCE").get("id").asString();
        // an unclaimed deal's opening tells the seller; brokers find it in the claim queue
        eventually(DEADLINE, () -> assertThat(actions(s.tto, id)).containsExactly("OPENED"));
        JsonNode opened = notes(s.tto, id).getFirst();
        assertThat(opened.get("type").asString()).isEqualTo("DEAL_ACTION");
        assertThat(opened.get("stage").asString()).isEqualTo("INQUIRY");
        assertThat(opened.get("expected").get("step").asString()).isEqualTo("CLAIM");
        assertThat(opened.get("expected").get("who").asString()).isEqualTo("BROKER");
        assertThat(opened.get("title").get("zh").asString()).isNotEmpty();

        s.ok(s.broker, id, "{\"type\":\"CLAIM\"}");
        s.ok(s.tto, id, SIGN_NDA_AS_SELLER);
        s.ok(s.buyer, id, SIGN_NDA_AS_BUYER);
        s.ok(s.tto, id, "{\"type\":\"REJECT\",\"reason\":\"licensed elsewhere\"}");

        // each organisation hears what the others did: the seller not of its own signature or rejection, the buyer not
        // of its opening or signature, the broker not of its claim (and not of the opening: it was no party yet)
        eventually(DEADLINE, () -> {
            assertThat(actions(s.tto, id)).containsExactlyInAnyOrder("OPENED", "CLAIMED", "NDA_SIGNED");
            assertThat(actions(s.buyer, id)).containsExactlyInAnyOrder("CLAIMED", "NDA_SIGNED", "REJECTED");
            assertThat(actions(s.broker, id)).containsExactlyInAnyOrder("NDA_SIGNED", "NDA_SIGNED", "REJECTED");
        });
        // every broker of the assigned organisation sees the organisation's notifications; nobody else sees any
        assertThat(actions(s.broker2, id)).containsExactlyInAnyOrder("NDA_SIGNED", "NDA_SIGNED", "REJECTED");
        outsiders.forEach((who, bearer) -> assertThat(actions(bearer, id)).as(who).isEmpty());

        assertThat(only(notes(s.buyer, id), "NDA_SIGNED").get("stage").asString()).isEqualTo("BROKER_ASSIGNED");
        JsonNode rejected = only(notes(s.broker, id), "REJECTED");
        assertThat(rejected.get("stage").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("expected").get("who").asString()).isEqualTo("NOBODY");

        // read per user: one broker reading leaves the other's unread; again keeps the first time; outsiders get 404
        String nid = rejected.get("id").asString();
        JsonNode read = markRead(s.broker, nid).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(read.get("read").asBoolean()).isTrue();
        JsonNode again = markRead(s.broker, nid).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("readAt")).isEqualTo(read.get("readAt"));
        assertThat(only(notes(s.broker, id), "REJECTED").get("read").asBoolean()).isTrue();
        assertThat(only(notes(s.broker2, id), "REJECTED").get("read").asBoolean()).isFalse();
        assertThat(only(notes(s.broker2, id), "REJECTED").has("readAt")).isFalse();
        outsiders.values().forEach(bearer -> markRead(bearer, nid).expectStatus().isNotFound());
        markRead(s.buyer, nid).expectStatus().isNotFound();
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        String id = s.opened(s.achievement(), "EXCLUSIVE_LICENCE").get("id").asString();
        s.ok(s.broker, id, "{\"type\":\"CLAIM\"}");
        eventually(DEADLINE, () -> {
            assertThat(recorded.eventsOf(id)).hasSize(2);
            assertThat(actions(s.tto, id)).containsExactlyInAnyOrder("OPENED", "CLAIMED");
            assertThat(actions(s.buyer, id)).containsExactly("CLAIMED");
        });

        // the relay delivers at least once: the same events again, twice, create nothing
        notifier.accept(recorded.eventsOf(id)).block(DEADLINE);
        notifier.accept(recorded.eventsOf(id)).block(DEADLINE);
        assertThat(actions(s.tto, id)).containsExactlyInAnyOrder("OPENED", "CLAIMED");
        assertThat(actions(s.buyer, id)).containsExactly("CLAIMED");
        assertThat(actions(s.broker, id)).isEmpty();
    }

    @Test
    void anIdleDealTellsItsBrokerAndTheAwaitedPartyOncePerIdlePeriod() {
        String achievement = s.achievement();
        String id = s.opened(achievement, "EXCLUSIVE_LICENCE").get("id").asString();
        s.ok(s.broker, id, "{\"type\":\"CLAIM\"}");
        JsonNode waiting = s.ok(s.tto, id, SIGN_NDA_AS_SELLER); // now the buyer's signature is awaited
        long version = waiting.get("version").asLong();
        eventually(DEADLINE, () -> assertThat(actions(s.broker, id)).containsExactly("NDA_SIGNED"));

        clock.advance(Duration.ofDays(8));
        eventually(DEADLINE, () -> {
            assertThat(idle(s.broker, id)).hasSize(1);
            assertThat(idle(s.buyer, id)).hasSize(1);
        });
        JsonNode first = idle(s.buyer, id).getFirst();
        assertThat(first.get("stage").asString()).isEqualTo("BROKER_ASSIGNED");
        assertThat(first.get("expected").get("step").asString()).isEqualTo("SIGN_NDA");
        assertThat(first.get("expected").get("who").asString()).isEqualTo("BUYER");
        // the idle mark is no change of the deal: same version, so the parties' If-Match still holds
        assertThat(s.get(s.admin, id).get("version").asLong()).isEqualTo(version);

        // another deal going idle later shows that the sweep went on; the first deal is not told again in this period
        String witness = s.open(DealSteps.otherBuyer(), achievement, "EXCLUSIVE_LICENCE").expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        clock.advance(Duration.ofDays(8));
        eventually(DEADLINE, () -> assertThat(idle(s.tto, witness)).hasSize(1)); // unclaimed: the seller may assign a broker
        assertThat(idle(s.broker, id)).hasSize(1);
        assertThat(idle(s.buyer, id)).hasSize(1);
        assertThat(idle(s.tto, id)).isEmpty();

        // a command starts a new idle period; it still matches the version read before the idle mark
        JsonNode signed = s.command(s.buyer, id, version, SIGN_NDA_AS_BUYER).expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(signed.get("stage").asString()).isEqualTo("NDA_SIGNED");
        clock.advance(Duration.ofDays(8));
        eventually(DEADLINE, () -> {
            assertThat(idle(s.broker, id)).hasSize(2);
            assertThat(idle(s.buyer, id)).hasSize(2);
            assertThat(idle(s.tto, id)).hasSize(1); // both parties may propose terms now
        });
        JsonNode second = idle(s.tto, id).getFirst();
        assertThat(second.get("stage").asString()).isEqualTo("NDA_SIGNED");
        assertThat(second.get("expected").get("step").asString()).isEqualTo("PROPOSE_TERMS");
        assertThat(second.get("expected").get("who").asString()).isEqualTo("BOTH");
        outsiders.forEach((who, bearer) -> assertThat(actions(bearer, id)).as(who).isEmpty());
    }

    private WebTestClient.ResponseSpec markRead(String bearer, String notificationId) {
        return api.post().uri("/api/v1/notifications/{id}/read", notificationId).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    /** The reader's notifications about this deal, newest first. */
    private List<JsonNode> notes(String bearer, String dealId) {
        JsonNode page = api.get().uri("/api/v1/notifications?size=100").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(n -> { if (n.has("dealId") && n.get("dealId").asString().equals(dealId)) out.add(n); });
        return out;
    }

    /** The actions the reader was told of on this deal. */
    private List<String> actions(String bearer, String dealId) {
        return notes(bearer, dealId).stream().map(n -> n.get("action").asString()).toList();
    }

    private static JsonNode only(List<JsonNode> notes, String action) {
        List<JsonNode> found = notes.stream().filter(n -> n.get("action").asString().equals(action)).toList();
        assertThat(found).as(action).hasSize(1);
        return found.getFirst();
    }

    private List<JsonNode> idle(String bearer, String dealId) {
        return notes(bearer, dealId).stream().filter(n -> n.get("action").asString().equals("IDLE")).toList();
    }
}
