package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.Fixtures.NOW;
import static io.ttx.brokerage.domain.Fixtures.apply;
import static io.ttx.brokerage.domain.Fixtures.decide;
import static io.ttx.brokerage.domain.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttx.brokerage.domain.DealCommand.SignContract;
import io.ttx.brokerage.domain.DealCommand.SignNda;
import io.ttx.brokerage.domain.NextAction.Step;
import io.ttx.brokerage.domain.NextAction.Who;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** NDA and contract signatures: once per party, the stage moves with the second, the contract earns commission. */
class SigningTests {

    @Test
    void anNdaSignatureRecordsSideSignatoryVersionAndWho() {
        DealDecision.Accepted accepted = Fixtures.acceptance(decide(Fixtures.inStage(DealStage.BROKER_ASSIGNED),
                Relation.SELLER_TTO, new SignNda("Wang Wu", "NDA-2026-03")));

        assertThat(accepted.deal().ndaSignatures())
                .containsExactly(new NdaSignature(Side.SELLER, "Wang Wu", "NDA-2026-03", "tto-1", NOW));
        assertThat(accepted.deal().stage()).isEqualTo(DealStage.BROKER_ASSIGNED);
        assertThat(accepted.entry().note()).isEqualTo("NDA NDA-2026-03 signed by Wang Wu for the SELLER");
        assertThat(accepted.event().type()).isEqualTo("DealNdaSigned");
        assertThat(accepted.deal().nextAction()).isEqualTo(new NextAction(Step.SIGN_NDA, Who.BUYER));
    }

    @Test
    void theSecondNdaSignatureMovesToNdaSigned() {
        Deal deal = apply(Fixtures.inStage(DealStage.BROKER_ASSIGNED), Relation.BUYER, new SignNda("Li Si", "NDA-1"));

        DealDecision.Accepted accepted = Fixtures.acceptance(decide(deal, Relation.SELLER_TTO, new SignNda("Wang", "NDA-1")));

        assertThat(accepted.entry().stageBefore()).isEqualTo(DealStage.BROKER_ASSIGNED);
        assertThat(accepted.entry().stageAfter()).isEqualTo(DealStage.NDA_SIGNED);
        assertThat(accepted.deal().ndaSignedBy()).containsExactly(Side.SELLER, Side.BUYER);
    }

    @Test
    void eachSideSignsTheNdaOnce() {
        Deal deal = apply(Fixtures.inStage(DealStage.INQUIRY), Relation.BUYER, new SignNda("Li Si", "NDA-1"));

        assertThat(rejection(decide(deal, Relation.BUYER, new SignNda("Li Si", "NDA-2"))))
                .isEqualTo(DealRejection.conflict(DealCodes.ALREADY_SIGNED, "the BUYER already signed the NDA"));
    }

    @Test
    void theFirstContractSignatureWaitsForTheOtherParty() {
        Deal deal = apply(Fixtures.inStage(DealStage.TERMS_AGREED), Relation.SELLER_TTO, new SignContract());

        assertThat(deal.stage()).isEqualTo(DealStage.TERMS_AGREED);
        assertThat(deal.contractSignedBy()).containsExactly(Side.SELLER);
        assertThat(deal.commission()).isZero();
        assertThat(deal.commissionRate()).isNull();
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.SIGN_CONTRACT, Who.BUYER));
    }

    @Test
    void theSecondContractSignatureEarnsTheCommissionOnTheContractValue() {
        Deal deal = apply(Fixtures.inStage(DealStage.TERMS_AGREED), Relation.SELLER_TTO, new SignContract());
        DealRules rules = new DealRules(new BigDecimal("0.033"), false, null, Set.of(), false);

        DealDecision.Accepted accepted = Fixtures.acceptance(decide(deal, Relation.BUYER, new SignContract(), rules));

        // 0.033 x 150,000,000 fen = 4,950,000 fen
        assertThat(accepted.deal().commission()).isEqualTo(4_950_000);
        assertThat(accepted.deal().commissionRate()).isEqualByComparingTo("0.033");
        assertThat(accepted.deal().stage()).isEqualTo(DealStage.CONTRACT_SIGNED);
        assertThat(accepted.entry().note()).isEqualTo("commission 49500.00");
        assertThat(accepted.deal().nextAction()).isEqualTo(new NextAction(Step.REGISTER_CONTRACT, Who.BROKER));
    }

    @Test
    void eachPartySignsTheContractOnce() {
        Deal deal = apply(Fixtures.inStage(DealStage.TERMS_AGREED), Relation.BUYER, new SignContract());

        assertThat(rejection(decide(deal, Relation.BUYER, new SignContract())))
                .isEqualTo(DealRejection.conflict(DealCodes.ALREADY_SIGNED, "the BUYER already signed the contract"));
    }
}
