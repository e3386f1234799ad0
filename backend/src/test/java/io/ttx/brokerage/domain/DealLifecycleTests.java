package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.Fixtures.BROKER_ORG;
import static io.ttx.brokerage.domain.Fixtures.BUYER_ORG;
import static io.ttx.brokerage.domain.Fixtures.NOW;
import static io.ttx.brokerage.domain.Fixtures.PILOT;
import static io.ttx.brokerage.domain.Fixtures.RULES;
import static io.ttx.brokerage.domain.Fixtures.SELLER_ORG;
import static io.ttx.brokerage.domain.Fixtures.TODAY;
import static io.ttx.brokerage.domain.Fixtures.UPFRONT;
import static io.ttx.brokerage.domain.Fixtures.apply;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttx.brokerage.domain.DealCommand.AcceptTerms;
import io.ttx.brokerage.domain.DealCommand.AssignBroker;
import io.ttx.brokerage.domain.DealCommand.Claim;
import io.ttx.brokerage.domain.DealCommand.Close;
import io.ttx.brokerage.domain.DealCommand.ProposeTerms;
import io.ttx.brokerage.domain.DealCommand.RecordPayment;
import io.ttx.brokerage.domain.DealCommand.RegisterContract;
import io.ttx.brokerage.domain.DealCommand.SignContract;
import io.ttx.brokerage.domain.DealCommand.SignNda;
import io.ttx.brokerage.domain.NextAction.Step;
import io.ttx.brokerage.domain.NextAction.Who;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whole deals through {@link Deals}: opening, the main path, and what every accepted step records. */
class DealLifecycleTests {

    private static final DealId ID = new DealId("deal-7");
    private static final OpenDeal REQUEST = new OpenDeal("ach-1", null, SELLER_ORG, TransferMode.ORDINARY_LICENCE);
    private static final Caller BUYER = new Caller("buyer-1", BUYER_ORG, Set.of(Role.ENTERPRISE));

    @Test
    void opensAnInquiryForTheCallersOrganisation() {
        DealDecision.Accepted opened = Fixtures.acceptance(Deals.open(ID, REQUEST, BUYER, NOW, RULES));

        Deal deal = opened.deal();
        assertThat(deal.stage()).isEqualTo(DealStage.INQUIRY);
        assertThat(deal.buyerOrg()).isEqualTo(BUYER_ORG);
        assertThat(deal.sellerOrg()).isEqualTo(SELLER_ORG);
        assertThat(deal.broker()).isNull();
        assertThat(deal.version()).isZero();
        assertThat(deal.createdAt()).isEqualTo(NOW);
        assertThat(deal.isActive()).isTrue();
        assertThat(opened.entry()).isEqualTo(new TrailEntry("buyer-1", NOW, null, null, DealStage.INQUIRY, null, Relation.BUYER));
        assertThat(opened.event().type()).isEqualTo("DealOpened");
    }

    @Test
    void onlyEnterpriseUsersOfAnotherOrganisationOpenDeals() {
        Caller tto = new Caller("tto-1", SELLER_ORG, Set.of(Role.TTO));
        Caller orgless = new Caller("x", null, Set.of(Role.ENTERPRISE));
        Caller seller = new Caller("e-1", SELLER_ORG, Set.of(Role.ENTERPRISE));

        assertThat(Fixtures.rejection(Deals.open(ID, REQUEST, tto, NOW, RULES)).kind()).isEqualTo(RejectionKind.FORBIDDEN);
        assertThat(Fixtures.rejection(Deals.open(ID, REQUEST, orgless, NOW, RULES)).code()).isEqualTo(DealCodes.FORBIDDEN);
        assertThat(Fixtures.rejection(Deals.open(ID, REQUEST, seller, NOW, RULES)).code())
                .isEqualTo(DealCodes.OWN_ACHIEVEMENT);
    }

    @Test
    void openingChecksTheIntendedModeAgainstTheListing() {
        OpenDeal exclusive = new OpenDeal("ach-1", null, SELLER_ORG, TransferMode.EXCLUSIVE_LICENCE);
        DealRules openLicence = new DealRules(Fixtures.RATE, false, null, Set.of(), true);
        DealRules ordinaryOnly = new DealRules(Fixtures.RATE, false, null, Set.of(TransferMode.ORDINARY_LICENCE), false);

        assertThat(Fixtures.rejection(Deals.open(ID, exclusive, BUYER, NOW, openLicence)).code())
                .isEqualTo(DealCodes.OPEN_LICENCE_EXCLUSIVE);
        assertThat(Fixtures.rejection(Deals.open(ID, exclusive, BUYER, NOW, ordinaryOnly)).code())
                .isEqualTo(DealCodes.MODE_NOT_OFFERED);
        assertThat(Fixtures.acceptance(Deals.open(ID, REQUEST, BUYER, NOW, ordinaryOnly)).deal().intendedMode())
                .isEqualTo(TransferMode.ORDINARY_LICENCE);
    }

    @Test
    void walksTheMainPathFromInquiryToClosed() {
        Deal deal = Fixtures.acceptance(Deals.open(ID, REQUEST, BUYER, NOW, RULES)).deal();
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.CLAIM, Who.BROKER));

        Actor claimant = new Actor("broker-1", BROKER_ORG, Relation.UNASSIGNED_BROKER);
        deal = Fixtures.accepted(Deals.decide(deal, claimant, new Claim(), NOW, TODAY, RULES));
        assertThat(deal.stage()).isEqualTo(DealStage.BROKER_ASSIGNED);
        assertThat(deal.broker()).isEqualTo(new Broker(BROKER_ORG, "broker-1"));
        assertThat(Actor.of(new Caller("broker-2", BROKER_ORG, Set.of(Role.BROKER)), deal).relation())
                .isEqualTo(Relation.BROKER);
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.SIGN_NDA, Who.BOTH));

        deal = apply(deal, Relation.SELLER_TTO, new SignNda("Wang Wu", "NDA-2"));
        assertThat(deal.stage()).isEqualTo(DealStage.BROKER_ASSIGNED);
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.SIGN_NDA, Who.BUYER));
        deal = apply(deal, Relation.BUYER, new SignNda("Li Si", "NDA-2"));
        assertThat(deal.stage()).isEqualTo(DealStage.NDA_SIGNED);
        assertThat(deal.ndaSignedBy()).containsExactly(Side.SELLER, Side.BUYER);

        deal = apply(deal, Relation.SELLER_TTO, new ProposeTerms(Fixtures.sheet()));
        assertThat(deal.stage()).isEqualTo(DealStage.NEGOTIATION);
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.ACCEPT_TERMS, Who.BUYER));
        deal = apply(deal, Relation.BUYER, new AcceptTerms(1));
        assertThat(deal.stage()).isEqualTo(DealStage.TERMS_AGREED);
        assertThat(deal.agreedTerms()).isEqualTo(Fixtures.sheet());

        deal = apply(deal, Relation.BUYER, new SignContract());
        assertThat(deal.stage()).isEqualTo(DealStage.TERMS_AGREED);
        assertThat(deal.commission()).isZero();
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.SIGN_CONTRACT, Who.SELLER));
        deal = apply(deal, Relation.SELLER_TTO, new SignContract());
        assertThat(deal.stage()).isEqualTo(DealStage.CONTRACT_SIGNED);
        // 0.05 x (100,000,000 + 50,000,000) fen = 7,500,000 fen
        assertThat(deal.commission()).isEqualTo(7_500_000);
        assertThat(deal.commissionRate()).isEqualByComparingTo("0.05");

        Relation broker = Relation.BROKER;
        deal = apply(deal, broker, new RegisterContract("2026110000000123", TODAY, ContractType.LICENSING,
                UPFRONT + PILOT, UPFRONT + PILOT));
        assertThat(deal.stage()).isEqualTo(DealStage.REGISTERED);
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.RECORD_PAYMENT, Who.BROKER));

        deal = apply(deal, broker, new RecordPayment(PaymentKind.UPFRONT, UPFRONT, TODAY, null));
        deal = apply(deal, Relation.SELLER_TTO, new RecordPayment(PaymentKind.MILESTONE, PILOT, TODAY, "pilot"));
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.CLOSE, Who.BROKER));
        deal = apply(deal, broker, new Close());

        assertThat(deal.stage()).isEqualTo(DealStage.CLOSED);
        assertThat(deal.isActive()).isFalse();
        assertThat(deal.stage().isOpen()).isTrue();
        assertThat(deal.nextAction()).isEqualTo(NextAction.NONE);
        // eleven accepted commands since the opening (version 0)
        assertThat(deal.version()).isEqualTo(11);
    }

    @Test
    void everyAcceptedCommandRecordsTrailEntryEventVersionAndTime() {
        Deal deal = Fixtures.inStage(DealStage.NDA_SIGNED);
        Instant later = NOW.plusSeconds(60);

        DealDecision.Accepted accepted = Fixtures.acceptance(Deals.decide(deal, Fixtures.actor(Relation.BUYER),
                new ProposeTerms(Fixtures.sheet()), later, TODAY, RULES));

        assertThat(accepted.entry()).isEqualTo(new TrailEntry("buyer-1", later, CommandType.PROPOSE_TERMS,
                DealStage.NDA_SIGNED, DealStage.NEGOTIATION, "terms version 1", Relation.BUYER));
        assertThat(accepted.event()).isEqualTo(DealEvent.TERMS_PROPOSED);
        assertThat(accepted.event().type()).isEqualTo("DealTermsProposed");
        assertThat(accepted.deal().version()).isEqualTo(deal.version() + 1);
        assertThat(accepted.deal().updatedAt()).isEqualTo(later);
        assertThat(accepted.deal().createdAt()).isEqualTo(deal.createdAt());
    }

    @Test
    void aRejectionChangesNothing() {
        Deal deal = Fixtures.inStage(DealStage.NEGOTIATION);

        DealDecision decision = Fixtures.decide(deal, Relation.BUYER, new AcceptTerms(2));

        assertThat(Fixtures.rejection(decision).code()).isEqualTo(DealCodes.TERMS_SUPERSEDED);
        assertThat(deal).isEqualTo(Fixtures.inStage(DealStage.NEGOTIATION));
    }

    @Test
    void aClaimedDealRecordsTheClaimingBroker() {
        Deal deal = apply(Fixtures.inStage(DealStage.INQUIRY), Relation.UNASSIGNED_BROKER, new Claim());

        assertThat(deal.broker()).isEqualTo(new Broker(Fixtures.OTHER_BROKER_ORG, "broker-9"));
    }

    @Test
    void anAssignedBrokerIsAnOrganisationWithoutSubject() {
        DealDecision.Accepted accepted = Fixtures.acceptance(Fixtures.decide(Fixtures.inStage(DealStage.INQUIRY),
                Relation.ADMIN, new AssignBroker(BROKER_ORG)));

        assertThat(accepted.deal().broker()).isEqualTo(new Broker(BROKER_ORG, null));
        assertThat(accepted.deal().stage()).isEqualTo(DealStage.BROKER_ASSIGNED);
        assertThat(accepted.entry().note()).isEqualTo("broker " + BROKER_ORG);
        assertThat(accepted.event().type()).isEqualTo("DealBrokerAssigned");
    }

    @Test
    void aSecondClaimOrAssignmentIsAlreadyAssigned() {
        Deal assigned = Fixtures.inStage(DealStage.BROKER_ASSIGNED);

        assertThat(Fixtures.rejection(Fixtures.decide(assigned, Relation.OTHER_BROKER, new Claim())))
                .isEqualTo(DealRejection.conflict(DealCodes.ALREADY_ASSIGNED, "the deal's broker is " + BROKER_ORG));
        assertThat(Fixtures.rejection(Fixtures.decide(assigned, Relation.BROKER, new Claim())).code())
                .isEqualTo(DealCodes.ALREADY_ASSIGNED);
        assertThat(Fixtures.rejection(Fixtures.decide(assigned, Relation.SELLER_TTO, new AssignBroker("X"))).code())
                .isEqualTo(DealCodes.ALREADY_ASSIGNED);
    }

    @Test
    void ndasSignedBeforeABrokerCameLetTheClaimReachNdaSigned() {
        Deal deal = Fixtures.inStage(DealStage.INQUIRY);
        deal = apply(deal, Relation.BUYER, new SignNda("Li Si", "NDA-1"));
        deal = apply(deal, Relation.SELLER_TTO, new SignNda("Wang Wu", "NDA-1"));
        assertThat(deal.stage()).isEqualTo(DealStage.INQUIRY);

        DealDecision.Accepted claimed = Fixtures.acceptance(Fixtures.decide(deal, Relation.UNASSIGNED_BROKER, new Claim()));

        assertThat(claimed.deal().stage()).isEqualTo(DealStage.NDA_SIGNED);
        assertThat(claimed.entry().stageBefore()).isEqualTo(DealStage.INQUIRY);
        assertThat(claimed.entry().stageAfter()).isEqualTo(DealStage.NDA_SIGNED);
    }

    @Test
    void aClaimWithOneNdaStopsAtBrokerAssigned() {
        Deal deal = apply(Fixtures.inStage(DealStage.INQUIRY), Relation.BUYER, new SignNda("Li Si", "NDA-1"));

        assertThat(apply(deal, Relation.UNASSIGNED_BROKER, new Claim()).stage()).isEqualTo(DealStage.BROKER_ASSIGNED);
    }
}
