package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.Fixtures.BROKER_ORG;
import static io.ttx.brokerage.domain.Fixtures.BUYER_ORG;
import static io.ttx.brokerage.domain.Fixtures.NOW;
import static io.ttx.brokerage.domain.Fixtures.SELLER_ORG;
import static io.ttx.brokerage.domain.Fixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A deal an auction or tender decided starts at TERMS_AGREED on the award's terms, and goes on like any deal. */
class AwardTests {
    static Award award(Broker broker) {
        return new Award("ach-1", SELLER_ORG, BUYER_ORG, broker, sheet(TransferMode.EXCLUSIVE_LICENCE).withUpfront(80_000_000), "buyer-1",
            Relation.BUYER, "won auction auc-1");
    }

    @Test
    void theAwardedDealIsAgreedOnTheAwardsTermsProposedByTheSellerAndAcceptedByTheBuyer() {
        DealDecision.Accepted a = Deals.award(new DealId("deal-1"), award(new Broker(BROKER_ORG, "broker-1")), NOW);
        Deal d = a.deal();
        assertThat(d.stage()).isEqualTo(DealStage.TERMS_AGREED);
        assertThat(d.version()).isZero();
        assertThat(d.broker()).isEqualTo(new Broker(BROKER_ORG, "broker-1"));
        assertThat(d.agreedTerms().upfront()).isEqualTo(80_000_000);
        assertThat(d.intendedMode()).isEqualTo(TransferMode.EXCLUSIVE_LICENCE);
        assertThat(d.termsVersions()).singleElement().satisfies(v -> {
            assertThat(v.proposedBy()).isEqualTo(Side.SELLER);
            assertThat(v.acceptedBy()).containsExactly(Side.BUYER);
            assertThat(v.isAgreed()).isTrue();
        });
        assertThat(d.ndaSignedBy()).isEmpty();
        assertThat(d.commission()).isZero();
        assertThat(a.entry().stageAfter()).isEqualTo(DealStage.TERMS_AGREED);
        assertThat(a.entry().command()).isNull();
        assertThat(a.entry().actedAs()).isEqualTo(Relation.BUYER);
        assertThat(a.event()).isEqualTo(DealEvent.OPENED);
    }

    @Test
    void withoutABrokerTheAwardedDealWaitsInTheClaimQueueAndBothPartiesMaySignTheNdaAndTheContract() {
        Deal d = Deals.award(new DealId("deal-1"), award(null), NOW).deal();
        assertThat(d.broker()).isNull();
        Actor seller = new Actor("tto-1", SELLER_ORG, Relation.SELLER_TTO);
        Actor buyer = new Actor("buyer-1", BUYER_ORG, Relation.BUYER);
        DealDecision claimed = Deals.decide(d, new Actor("broker-1", BROKER_ORG, Relation.UNASSIGNED_BROKER), new DealCommand.Claim(),
            NOW, Fixtures.TODAY, Fixtures.RULES);
        assertThat(claimed).isInstanceOfSatisfying(DealDecision.Accepted.class, c -> assertThat(c.deal().stage()).isEqualTo(DealStage.TERMS_AGREED));
        DealDecision nda = Deals.decide(d, seller, new DealCommand.SignNda("王处长", "v1"), NOW, Fixtures.TODAY, Fixtures.RULES);
        assertThat(nda).isInstanceOf(DealDecision.Accepted.class);
        DealDecision signed = Deals.decide(d, buyer, new DealCommand.SignContract(), NOW, Fixtures.TODAY, Fixtures.RULES);
        assertThat(signed).isInstanceOfSatisfying(DealDecision.Accepted.class, s -> assertThat(s.deal().contractSignedBy()).containsExactly(Side.BUYER));
    }

    @Test
    void anOrganisationIsNeverAwardedItsOwnAchievement() {
        assertThatThrownBy(() -> new Award("ach-1", SELLER_ORG, SELLER_ORG, null, sheet(), "x", Relation.BUYER, "n"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(Set.of(Relation.BUYER, Relation.SELLER_TTO)).contains(award(null).actedAs());
    }
}
