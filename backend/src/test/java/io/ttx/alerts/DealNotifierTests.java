package io.ttx.alerts;

import io.ttx.brokerage.DealEvents;
import io.ttx.brokerage.DealSnapshot;
import io.ttx.brokerage.DealSnapshot.Expected;
import io.ttx.brokerage.DealSnapshot.Party;
import io.ttx.brokerage.DealSnapshot.Step;
import io.ttx.identity.Role;
import io.ttx.shared.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom a deal event tells what: the other parties of a command, the broker and the awaited party of an idle deal. */
class DealNotifierTests {
    private static final Party SELLER = new Party(DealSnapshot.SELLER, "seller-org", Role.TTO, 0);
    private static final Party BUYER = new Party(DealSnapshot.BUYER, "buyer-org", Role.ENTERPRISE, 0);
    private static final Step OPENED = new Step(0, "OPENED", "INQUIRY", DealSnapshot.BUYER);
    private static final Step CLAIMED = new Step(1, "CLAIMED", "BROKER_ASSIGNED", DealSnapshot.BROKER);

    @Test
    void anUnclaimedDealsOpeningTellsTheSellerOnly() {
        DealSnapshot deal = deal("INQUIRY", new Expected("CLAIM", "BROKER"), List.of(SELLER, BUYER), OPENED);
        DealNotifier.Notice n = DealNotifier.notice(deal, event(DealEvents.OPENED, 0)).orElseThrow();
        assertThat(n.action()).isEqualTo("OPENED");
        assertThat(n.stage()).isEqualTo("INQUIRY");
        assertThat(n.to()).containsExactly(SELLER);
    }

    @Test
    void aCommandTellsEveryPartyButTheOneThatActed() {
        Party broker = broker(1);
        DealSnapshot deal = deal("NEGOTIATION", new Expected("ACCEPT_TERMS", "SELLER"), List.of(SELLER, BUYER, broker), OPENED, CLAIMED,
            new Step(2, "NDA_SIGNED", "BROKER_ASSIGNED", DealSnapshot.SELLER), new Step(3, "TERMS_PROPOSED", "NEGOTIATION", DealSnapshot.BUYER));
        DealNotifier.Notice claimed = DealNotifier.notice(deal, event(DealEvents.CLAIMED, 1)).orElseThrow();
        assertThat(claimed.to()).containsExactly(SELLER, BUYER);
        assertThat(claimed.expected()).as("the deal moved on: what it expected right after the claim is not known").isNull();
        assertThat(DealNotifier.notice(deal, event(DealEvents.NDA_SIGNED, 2)).orElseThrow().to()).containsExactly(BUYER, broker);
        DealNotifier.Notice proposed = DealNotifier.notice(deal, event(DealEvents.TERMS_PROPOSED, 3)).orElseThrow();
        assertThat(proposed.to()).containsExactly(SELLER, broker);
        assertThat(proposed.action()).isEqualTo("TERMS_PROPOSED");
        assertThat(proposed.stage()).isEqualTo("NEGOTIATION");
        assertThat(proposed.expected()).isEqualTo(new Expected("ACCEPT_TERMS", "SELLER"));
    }

    @Test
    void theBrokerIsAPartyFromItsClaimOnEvenWhenAnOlderEventArrivesLate() {
        DealSnapshot deal = deal("BROKER_ASSIGNED", new Expected("SIGN_NDA", "BOTH"), List.of(SELLER, BUYER, broker(1)), OPENED, CLAIMED);
        assertThat(DealNotifier.notice(deal, event(DealEvents.OPENED, 0)).orElseThrow().to()).containsExactly(SELLER);
    }

    @Test
    void anAdministratorIsNoPartySoEveryPartyHears() {
        Party broker = broker(1);
        DealSnapshot deal = deal("BROKER_ASSIGNED", new Expected("SIGN_NDA", "BOTH"), List.of(SELLER, BUYER, broker), OPENED,
            new Step(1, "BROKER_ASSIGNED", "BROKER_ASSIGNED", DealSnapshot.ADMIN));
        assertThat(DealNotifier.notice(deal, event(DealEvents.BROKER_ASSIGNED, 1)).orElseThrow().to()).containsExactly(SELLER, BUYER, broker);
    }

    @Test
    void anIdleDealTellsItsBrokerAndThePartyItWaitsFor() {
        Party broker = broker(1);
        DealSnapshot buyerAwaited = deal("BROKER_ASSIGNED", new Expected("SIGN_NDA", "BUYER"), List.of(SELLER, BUYER, broker), OPENED, CLAIMED,
            new Step(2, "NDA_SIGNED", "BROKER_ASSIGNED", DealSnapshot.SELLER));
        DealNotifier.Notice n = DealNotifier.notice(buyerAwaited, event(DealEvents.IDLE, 2)).orElseThrow();
        assertThat(n.action()).isEqualTo("IDLE");
        assertThat(n.stage()).isEqualTo("BROKER_ASSIGNED");
        assertThat(n.expected()).isEqualTo(new Expected("SIGN_NDA", "BUYER"));
        assertThat(n.to()).containsExactlyInAnyOrder(BUYER, broker);

        DealSnapshot bothAwaited = deal("NDA_SIGNED", new Expected("PROPOSE_TERMS", "BOTH"), List.of(SELLER, BUYER, broker), OPENED, CLAIMED);
        assertThat(DealNotifier.notice(bothAwaited, event(DealEvents.IDLE, 1)).orElseThrow().to()).containsExactlyInAnyOrder(SELLER, BUYER, broker);

        DealSnapshot brokerAwaited = deal("CONTRACT_SIGNED", new Expected("REGISTER_CONTRACT", "BROKER"), List.of(SELLER, BUYER, broker), OPENED, CLAIMED);
        assertThat(DealNotifier.notice(brokerAwaited, event(DealEvents.IDLE, 1)).orElseThrow().to()).containsExactly(broker);
    }

    @Test
    void anUnclaimedIdleDealTellsTheSellerWhoMayAssignABroker() {
        DealSnapshot deal = deal("INQUIRY", new Expected("CLAIM", "BROKER"), List.of(SELLER, BUYER), OPENED);
        assertThat(DealNotifier.notice(deal, event(DealEvents.IDLE, 0)).orElseThrow().to()).containsExactly(SELLER);
    }

    @Test
    void anIdleEventTellsNothingOnceTheDealMovedOnOrEnded() {
        DealSnapshot movedOn = deal("BROKER_ASSIGNED", new Expected("SIGN_NDA", "BOTH"), List.of(SELLER, BUYER, broker(1)), OPENED, CLAIMED);
        assertThat(DealNotifier.notice(movedOn, event(DealEvents.IDLE, 0))).isEmpty();
        DealSnapshot ended = new DealSnapshot("deal_1", "ach_1", 1, "WITHDRAWN", false, new Expected("NONE", "NOBODY"), List.of(SELLER, BUYER),
            List.of(OPENED, new Step(1, "WITHDRAWN", "WITHDRAWN", DealSnapshot.BUYER)));
        assertThat(DealNotifier.notice(ended, event(DealEvents.IDLE, 1))).isEmpty();
    }

    @Test
    void aStepWithoutItsActorTellsEveryPartyAndAnUnknownVersionNobody() {
        DealSnapshot deal = deal("INQUIRY", new Expected("CLAIM", "BROKER"), List.of(SELLER, BUYER), new Step(0, "OPENED", "INQUIRY", null));
        assertThat(DealNotifier.notice(deal, event(DealEvents.OPENED, 0)).orElseThrow().to()).containsExactly(SELLER, BUYER);
        assertThat(DealNotifier.notice(deal, event(DealEvents.CLAIMED, 5))).isEmpty();
    }

    private static Party broker(long since) {
        return new Party(DealSnapshot.BROKER, "broker-org", Role.BROKER, since);
    }

    private static DealSnapshot deal(String stage, Expected expected, List<Party> parties, Step... steps) {
        List<Step> all = new ArrayList<>(List.of(steps));
        return new DealSnapshot("deal_1", "ach_1", all.size() - 1, stage, true, expected, parties, all);
    }

    private static OutboxEvent event(String type, long version) {
        return new OutboxEvent("evt_" + type + version, type, DealEvents.AGGREGATE_TYPE, "deal_1", version, Instant.parse("2026-12-01T00:00:00Z"));
    }
}
