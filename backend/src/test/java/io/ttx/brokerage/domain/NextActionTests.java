package io.ttx.brokerage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttx.brokerage.domain.NextAction.Step;
import io.ttx.brokerage.domain.NextAction.Who;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the dashboard shows in each stage, and whose turn it is. */
class NextActionTests {

    @ParameterizedTest(name = "{0}: {1} by {2}, active {3}")
    @CsvSource({
        "INQUIRY, CLAIM, BROKER, true",
        "BROKER_ASSIGNED, SIGN_NDA, BOTH, true",
        "NDA_SIGNED, PROPOSE_TERMS, BOTH, true",
        // the fixture's version 1 was proposed by the seller
        "NEGOTIATION, ACCEPT_TERMS, BUYER, true",
        "TERMS_AGREED, SIGN_CONTRACT, BOTH, true",
        "CONTRACT_SIGNED, REGISTER_CONTRACT, BROKER, true",
        // nothing paid yet
        "REGISTERED, RECORD_PAYMENT, BROKER, true",
        "CLOSED, NONE, NOBODY, false",
        "WITHDRAWN, NONE, NOBODY, false",
        "REJECTED, NONE, NOBODY, false",
        "TERMINATED, NONE, NOBODY, false"
    })
    void eachStageHasItsNextStep(DealStage stage, Step step, Who who, boolean active) {
        Deal deal = Fixtures.inStage(stage);

        assertThat(deal.nextAction()).isEqualTo(new NextAction(step, who));
        assertThat(deal.isActive()).isEqualTo(active);
    }

    @Test
    void theMissingSignatureNamesTheParty() {
        Deal ndaBySeller = DealBuilder.from(Fixtures.inStage(DealStage.BROKER_ASSIGNED))
                .ndaSignatures(List.of(new NdaSignature(Side.SELLER, "Wang", "NDA-1", "tto-1", Fixtures.NOW))).build();
        Deal contractByBuyer = DealBuilder.from(Fixtures.inStage(DealStage.TERMS_AGREED))
                .contractSignedBy(Set.of(Side.BUYER)).build();

        assertThat(ndaBySeller.nextAction()).isEqualTo(new NextAction(Step.SIGN_NDA, Who.BUYER));
        assertThat(contractByBuyer.nextAction()).isEqualTo(new NextAction(Step.SIGN_CONTRACT, Who.SELLER));
    }

    @Test
    void aBrokersProposalWaitsForWhoeverHasNotAccepted() {
        TermsVersion proposed = new TermsVersion(1, Fixtures.sheet(), Side.BROKER, Fixtures.NOW, Set.of());
        Deal both = DealBuilder.from(Fixtures.inStage(DealStage.NEGOTIATION)).termsVersions(List.of(proposed)).build();
        Deal seller = DealBuilder.from(both).termsVersions(List.of(new TermsVersion(1, Fixtures.sheet(), Side.BROKER,
                Fixtures.NOW, Set.of(Side.BUYER)))).build();

        assertThat(both.nextAction()).isEqualTo(new NextAction(Step.ACCEPT_TERMS, Who.BOTH));
        assertThat(seller.nextAction()).isEqualTo(new NextAction(Step.ACCEPT_TERMS, Who.SELLER));
    }

    @Test
    void aFullyPaidRegisteredDealIsReadyToClose() {
        Deal paid = DealBuilder.from(Fixtures.inStage(DealStage.REGISTERED))
                .payments(Fixtures.inStage(DealStage.CLOSED).payments()).build();

        assertThat(paid.paymentsOutstanding()).isFalse();
        assertThat(paid.nextAction()).isEqualTo(new NextAction(Step.CLOSE, Who.BROKER));
    }

    @Test
    void openAndActiveStages() {
        assertThat(Set.of(DealStage.values())).filteredOn(DealStage::isOpen).containsExactlyInAnyOrder(
                DealStage.INQUIRY, DealStage.BROKER_ASSIGNED, DealStage.NDA_SIGNED, DealStage.NEGOTIATION,
                DealStage.TERMS_AGREED, DealStage.CONTRACT_SIGNED, DealStage.REGISTERED, DealStage.CLOSED);
        assertThat(Set.of(DealStage.values())).filteredOn(DealStage::isActive).doesNotContain(DealStage.CLOSED)
                .hasSize(7);
    }
}
