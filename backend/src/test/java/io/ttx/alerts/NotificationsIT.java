package io.ttx.alerts;

import io.ttx.alerts.persistence.NotificationDocument;
import io.ttx.alerts.persistence.NotificationStore;
import io.ttx.catalogue.LocalizedText;
import io.ttx.shared.Ids;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications addressed to an organisation in a role reach every user of that organisation with that role, and
 * nobody else, beside the user's own; each user reads them for themselves.
 */
class NotificationsIT extends IntegrationTest {
    @Autowired
    NotificationStore store;

    private final String org = TestOrgs.random("52", "330100");
    private final String otherOrg = TestOrgs.random("52", "330100");
    private final String subjectA = "broker-a-" + UUID.randomUUID();
    private final String brokerA = token(subjectA, "broker", org);
    private final String brokerB = token("broker-b-" + UUID.randomUUID(), "broker", org);
    private final String sameOrgOtherRole = token("tto-" + UUID.randomUUID(), "tto", org);
    private final String otherOrgSameRole = token("broker-c-" + UUID.randomUUID(), "broker", otherOrg);
    private final String noOrg = token("admin-" + UUID.randomUUID(), "admin", null);

    @Test
    void anOrganisationsNotificationReachesItsUsersInTheRoleOnlyAndIsReadPerUser() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String shared = Ids.next("ntf", now.minusSeconds(1));
        store.insert(NotificationDocument.dealAction(shared, org, "broker", "ach_x", new LocalizedText("成果", null),
            new NotificationDocument.DealAction("deal_x", "evt_x", "CLAIMED", "BROKER_ASSIGNED", "SIGN_NDA", "BOTH"), now)).block(Duration.ofSeconds(10));
        String own = Ids.next("ntf", now);
        store.insert(NotificationDocument.savedSearchMatch(own, subjectA, "sav_x", "ach_y", 1, new LocalizedText("成果", null), now, List.of()))
            .block(Duration.ofSeconds(10));

        // the user's own and its organisation's, newest first, paged
        assertThat(ids(brokerA, 100)).containsExactly(own, shared);
        JsonNode page1 = page(brokerA, "/api/v1/notifications?size=1");
        assertThat(page1.at("/items/0/id").asString()).isEqualTo(own);
        JsonNode page2 = page(brokerA, "/api/v1/notifications?size=1&cursor=" + page1.get("nextCursor").asString());
        assertThat(page2.at("/items/0/id").asString()).isEqualTo(shared);
        assertThat(page2.at("/items/0/type").asString()).isEqualTo("DEAL_ACTION");
        assertThat(page2.at("/items/0/expected/who").asString()).isEqualTo("BOTH");
        assertThat(page2.has("nextCursor")).isFalse();
        assertThat(ids(brokerB, 100)).containsExactly(shared);
        strangers().forEach((who, bearer) -> assertThat(ids(bearer, 100)).as(who).isEmpty());

        // each user reads it for themselves, once
        JsonNode readA = read(brokerA, shared).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(readA.get("read").asBoolean()).isTrue();
        assertThat(item(brokerB, shared).get("read").asBoolean()).isFalse();
        JsonNode readB = read(brokerB, shared).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(readB.get("read").asBoolean()).isTrue();
        JsonNode againA = read(brokerA, shared).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(againA.get("readAt")).isEqualTo(readA.get("readAt"));
        assertThat(item(brokerA, shared).get("readAt")).isEqualTo(readA.get("readAt"));
        assertThat(store.find(shared).block(Duration.ofSeconds(10)).readBy()).as("one mark per reader").hasSize(2);
        assertThat(item(brokerA, own).get("read").asBoolean()).isFalse();

        // nobody else reads it, nor another user's own
        strangers().values().forEach(bearer -> read(bearer, shared).expectStatus().isNotFound());
        read(brokerB, own).expectStatus().isNotFound();
        assertThat(item(brokerA, own).get("read").asBoolean()).isFalse();
    }

    private Map<String, String> strangers() {
        return Map.of("a TTO of the organisation", sameOrgOtherRole, "a broker of another organisation", otherOrgSameRole,
            "a user without an organisation", noOrg);
    }

    private static String token(String subject, String role, String organisation) {
        return "Bearer " + Tokens.custom(subject, List.of(role), organisation, "330100");
    }

    private WebTestClient.ResponseSpec read(String bearer, String id) {
        return api.post().uri("/api/v1/notifications/{id}/read", id).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    private JsonNode page(String bearer, String uri) {
        return api.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> ids(String bearer, int size) {
        List<String> out = new ArrayList<>();
        page(bearer, "/api/v1/notifications?size=" + size).get("items").forEach(n -> out.add(n.get("id").asString()));
        return out;
    }

    private JsonNode item(String bearer, String id) {
        for (JsonNode n : page(bearer, "/api/v1/notifications?size=100").get("items")) if (n.get("id").asString().equals(id)) return n;
        throw new AssertionError(id + " not listed");
    }
}
