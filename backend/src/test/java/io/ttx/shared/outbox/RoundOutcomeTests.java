package io.ttx.shared.outbox;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RoundOutcomeTests {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final OutboxProperties PROPS = new OutboxProperties(Duration.ofMillis(500), 200, Duration.ofSeconds(10), false,
        Duration.ofSeconds(10), 3);
    private final Pending a1 = pending("a", "e1", null);
    private final Pending b1 = pending("b", "e2", null);

    @Test
    void eventsHandledByEveryConsumerAreDoneWithoutAnyRecord() {
        RoundOutcome o = outcome(List.of(a1, b1), Map.of());
        o.record("index", handled(a1, b1));
        o.record("alerts", handled(a1, b1));
        assertThat(o.done()).containsExactly(a1, b1);
        assertThat(o.writes()).isEmpty();
        assertThat(o.forgettable()).isEmpty();
    }

    @Test
    void oneConsumersFailureIsRecordedAndTheOthersHandlingRemembered() {
        RoundOutcome o = outcome(List.of(a1, b1), Map.of());
        o.record("index", handled(a1, b1));
        o.record("alerts", new ConsumerResult(Set.of(b1.key()), Map.of(a1.key(), "IllegalStateException"), null));
        assertThat(o.done()).containsExactly(b1);
        assertThat(o.writes()).containsExactlyInAnyOrder(new RoundOutcome.Handled(a1, "index"),
            new RoundOutcome.Failed(a1, "alerts", 1, "IllegalStateException", NOW.plusMillis(500)));
    }

    @Test
    void anEventIsOfferedOnlyToConsumersThatOweItAndOnlyOnceItsRetryIsDue() {
        Map<String, DeliveryLog.State> before = Map.of(
            id(a1, "index"), new DeliveryLog.State(true, 0, null, false),
            id(a1, "alerts"), new DeliveryLog.State(false, 1, NOW.plusSeconds(1), false),
            id(b1, "alerts"), new DeliveryLog.State(false, 2, NOW, false));
        RoundOutcome o = outcome(List.of(a1, b1), before);
        assertThat(o.due("index")).containsExactly(b1);
        assertThat(o.due("alerts")).containsExactly(b1);
    }

    @Test
    void theLastAllowedAttemptMakesADeadLetterAndTheEventLeavesOnceTheOthersAreDone() {
        Map<String, DeliveryLog.State> before = Map.of(id(a1, "index"), new DeliveryLog.State(true, 0, null, false),
            id(a1, "alerts"), new DeliveryLog.State(false, 2, NOW, false));
        RoundOutcome o = outcome(List.of(a1), before);
        assertThat(o.due("index")).isEmpty();
        o.record("alerts", new ConsumerResult(Set.of(), Map.of(a1.key(), ConsumerResult.REPORTED), null));
        assertThat(o.writes()).containsExactly(new RoundOutcome.Dead(a1, "alerts", 3, ConsumerResult.REPORTED));
        assertThat(o.done()).containsExactly(a1);
        assertThat(o.forgettable()).containsExactly(id(a1, "index"));
    }

    @Test
    void aDeadLetterIsNeverOfferedAgainNorForgotten() {
        Map<String, DeliveryLog.State> before = Map.of(id(a1, "alerts"), new DeliveryLog.State(false, 3, null, true));
        RoundOutcome o = outcome(List.of(a1), before);
        assertThat(o.due("alerts")).isEmpty();
        o.record("index", handled(a1));
        assertThat(o.done()).containsExactly(a1);
        assertThat(o.writes()).isEmpty();
        assertThat(o.forgettable()).isEmpty();
    }

    @Test
    void anEventPutBackFromADeadLetterIsForItsConsumerOnly() {
        Pending retried = pending("a", "e1", "odl_01jvzf0a1b2c3d4e5f6g");
        RoundOutcome o = outcome(List.of(retried), Map.of());
        assertThat(o.due("index")).isEmpty();
        assertThat(o.due("alerts")).containsExactly(retried);
        assertThat(retried.key()).isEqualTo("e1~odl_01jvzf0a1b2c3d4e5f6g");
        o.record("alerts", handled(retried));
        assertThat(o.done()).containsExactly(retried);
    }

    @Test
    void aConsumerThatCouldNotReachItsStoreLeavesItsEventsUntouched() {
        RoundOutcome o = outcome(List.of(a1), Map.of());
        o.record("index", handled(a1));
        o.record("alerts", new ConsumerResult(Set.of(), Map.of(), new IllegalStateException("down")));
        assertThat(o.done()).isEmpty();
        assertThat(o.writes()).containsExactly(new RoundOutcome.Handled(a1, "index"));
        assertThat(o.outage()).hasMessage("down");
    }

    @Test
    void retriesWaitThePollIntervalDoublingUpToTheMaximum() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 10).stream().map(PROPS::retryDelay).map(Duration::toMillis).toList())
            .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L, 10000L);
    }

    private RoundOutcome outcome(List<Pending> entries, Map<String, DeliveryLog.State> before) {
        return new RoundOutcome("achievements", entries, List.of("index", "alerts"), before, PROPS, NOW);
    }

    private static ConsumerResult handled(Pending... entries) {
        return new ConsumerResult(Set.of(List.of(entries).stream().map(Pending::key).toArray(String[]::new)), Map.of(), null);
    }

    private static String id(Pending p, String consumer) {
        return DeliveryLog.id("achievements", p.key(), consumer);
    }

    static Pending pending(String aggregate, String event, String retryOf) {
        Document raw = new Document("id", event).append("type", "Tested").append("version", 1L).append("at", Date.from(NOW));
        if (retryOf != null) raw.append(Pending.REDELIVER_TO, List.of("alerts")).append(Pending.RETRY_OF, retryOf);
        Document doc = new Document("_id", aggregate).append(Pending.FIELD, List.of(raw));
        return Pending.of(new OutboxSource("achievements", "achievement"), List.of(doc)).getFirst();
    }
}
