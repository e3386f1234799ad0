package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.Fixtures.RATE;
import static io.ttx.brokerage.domain.Fixtures.TODAY;
import static io.ttx.brokerage.domain.Fixtures.apply;
import static io.ttx.brokerage.domain.Fixtures.decide;
import static io.ttx.brokerage.domain.Fixtures.rejection;
import static io.ttx.brokerage.domain.Fixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ttx.brokerage.domain.DealCommand.AcceptAskingPrice;
import io.ttx.brokerage.domain.DealCommand.AcceptTerms;
import io.ttx.brokerage.domain.DealCommand.ProposeTerms;
import io.ttx.brokerage.domain.NextAction.Step;
import io.ttx.brokerage.domain.NextAction.Who;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Term sheet versions: proposals, acceptances by the right parties, and the asking-price shortcut. */
class NegotiationTests {

    /** A fixed-price listing at 880,000.00 CNY. */
    private static final DealRules FIXED = new DealRules(RATE, true, 88_000_000L, Set.of(), false);

    private static Deal negotiating() {
        return Fixtures.inStage(DealStage.NDA_SIGNED);
    }

    @Test
    void eachProposalIsANewNumberedVersionRememberingItsProposer() {
        Deal deal = apply(negotiating(), Relation.SELLER_TTO, new ProposeTerms(sheet()));
        deal = apply(deal, Relation.BUYER, new ProposeTerms(sheet(TransferMode.SOLE_LICENCE)));
        deal = apply(deal, Relation.BROKER, new ProposeTerms(sheet(TransferMode.ASSIGNMENT)));

        assertThat(deal.termsVersions()).extracting(TermsVersion::number, TermsVersion::proposedBy)
                .containsExactly(tuple(1, Side.SELLER), tuple(2, Side.BUYER), tuple(3, Side.BROKER));
        assertThat(deal.currentTerms()).hasValueSatisfying(v -> assertThat(v.terms().transferMode())
                .isEqualTo(TransferMode.ASSIGNMENT));
        assertThat(deal.stage()).isEqualTo(DealStage.NEGOTIATION);
        assertThat(deal.agreedTerms()).isNull();
    }

    @Test
    void aPartysProposalIsAgreedByTheOtherParty() {
        Deal deal = apply(negotiating(), Relation.BUYER, new ProposeTerms(sheet()));

        deal = apply(deal, Relation.SELLER_TTO, new AcceptTerms(1));

        assertThat(deal.stage()).isEqualTo(DealStage.TERMS_AGREED);
        assertThat(deal.agreedTerms()).isEqualTo(sheet());
        assertThat(deal.termsVersions().get(0).acceptedBy()).containsExactly(Side.SELLER);
    }

    @Test
    void aBrokersProposalNeedsBothParties() {
        Deal deal = apply(negotiating(), Relation.BROKER, new ProposeTerms(sheet()));
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.ACCEPT_TERMS, Who.BOTH));

        DealDecision.Accepted first = Fixtures.acceptance(decide(deal, Relation.BUYER, new AcceptTerms(1)));
        assertThat(first.deal().stage()).isEqualTo(DealStage.NEGOTIATION);
        assertThat(first.deal().currentTerms().orElseThrow().acceptedBy()).containsExactly(Side.BUYER);
        assertThat(first.deal().agreedTerms()).isNull();
        assertThat(first.deal().nextAction()).isEqualTo(new NextAction(Step.ACCEPT_TERMS, Who.SELLER));
        assertThat(first.entry().note()).isEqualTo("terms version 1 accepted by the BUYER");

        Deal agreed = apply(first.deal(), Relation.SELLER_TTO, new AcceptTerms(1));
        assertThat(agreed.stage()).isEqualTo(DealStage.TERMS_AGREED);
        assertThat(agreed.currentTerms().orElseThrow().acceptedBy()).containsExactly(Side.SELLER, Side.BUYER);
        assertThat(agreed.agreedTerms()).isEqualTo(sheet());
    }

    @Test
    void onlyTheCurrentVersionCanBeAccepted() {
        Deal deal = apply(negotiating(), Relation.SELLER_TTO, new ProposeTerms(sheet()));
        deal = apply(deal, Relation.SELLER_TTO, new ProposeTerms(sheet(TransferMode.SOLE_LICENCE)));

        assertThat(rejection(decide(deal, Relation.BUYER, new AcceptTerms(1))))
                .isEqualTo(DealRejection.conflict(DealCodes.TERMS_SUPERSEDED, "version 1 is not the current term sheet"));
        assertThat(rejection(decide(deal, Relation.BUYER, new AcceptTerms(3))).code())
                .isEqualTo(DealCodes.TERMS_SUPERSEDED);
        assertThat(apply(deal, Relation.BUYER, new AcceptTerms(2)).agreedTerms().transferMode())
                .isEqualTo(TransferMode.SOLE_LICENCE);
    }

    @Test
    void aProposalSupersedesEarlierAcceptances() {
        Deal deal = apply(negotiating(), Relation.BROKER, new ProposeTerms(sheet()));
        deal = apply(deal, Relation.BUYER, new AcceptTerms(1));

        deal = apply(deal, Relation.BROKER, new ProposeTerms(sheet(TransferMode.SOLE_LICENCE)));

        assertThat(deal.currentTerms().orElseThrow().acceptedBy()).isEmpty();
        assertThat(deal.nextAction()).isEqualTo(new NextAction(Step.ACCEPT_TERMS, Who.BOTH));
    }

    @Test
    void theProposingSideCannotAcceptItsOwnVersion() {
        Deal deal = apply(negotiating(), Relation.BUYER, new ProposeTerms(sheet()));

        DealRejection refused = rejection(decide(deal, Relation.BUYER, new AcceptTerms(1)));

        assertThat(refused.code()).isEqualTo(DealCodes.OWN_PROPOSAL);
        assertThat(refused.kind()).isEqualTo(RejectionKind.FORBIDDEN);
    }

    @Test
    void aSideAcceptsOnce() {
        Deal deal = apply(negotiating(), Relation.BROKER, new ProposeTerms(sheet()));
        deal = apply(deal, Relation.SELLER_TTO, new AcceptTerms(1));

        DealRejection refused = rejection(decide(deal, Relation.SELLER_TTO, new AcceptTerms(1)));

        assertThat(refused).isEqualTo(DealRejection.conflict(DealCodes.ALREADY_ACCEPTED,
                "the SELLER already accepted version 1"));
    }

    @Test
    void aProposalIsCheckedAsATermSheet() {
        TermSheet backwards = new TermSheet(TransferMode.ORDINARY_LICENCE, List.of("*"), List.of("CN"), TODAY,
                TODAY.minusDays(1), false, 0, List.of(), List.of(), null, null);

        DealRejection refused = rejection(decide(negotiating(), Relation.SELLER_TTO, new ProposeTerms(backwards)));

        assertThat(refused.code()).isEqualTo(DealCodes.INVALID_TERM);
        assertThat(refused.kind()).isEqualTo(RejectionKind.UNPROCESSABLE);
    }

    @Test
    void anOpenLicensedAchievementIsNeverLicensedExclusively() {
        DealRules openLicence = new DealRules(RATE, false, null, Set.of(), true);

        for (TransferMode mode : List.of(TransferMode.EXCLUSIVE_LICENCE, TransferMode.SOLE_LICENCE)) {
            assertThat(rejection(decide(negotiating(), Relation.BUYER, new ProposeTerms(sheet(mode)), openLicence)).code())
                    .isEqualTo(DealCodes.OPEN_LICENCE_EXCLUSIVE);
        }
        assertThat(Fixtures.accepted(decide(negotiating(), Relation.BUYER, new ProposeTerms(sheet()), openLicence)))
                .isNotNull();
    }

    @Test
    void anExclusiveProposalCannotBeAcceptedOnceTheAchievementIsOpenLicensed() {
        Deal deal = apply(negotiating(), Relation.SELLER_TTO, new ProposeTerms(sheet(TransferMode.EXCLUSIVE_LICENCE)));
        DealRules openLicence = new DealRules(RATE, false, null, Set.of(), true);

        assertThat(rejection(decide(deal, Relation.BUYER, new AcceptTerms(1), openLicence)).code())
                .isEqualTo(DealCodes.OPEN_LICENCE_EXCLUSIVE);
    }

    @Test
    void aProposalUsesAModeTheListingOffers() {
        DealRules licencesOnly = new DealRules(RATE, false, null,
                Set.of(TransferMode.ORDINARY_LICENCE, TransferMode.SOLE_LICENCE), false);

        assertThat(rejection(decide(negotiating(), Relation.BUYER, new ProposeTerms(sheet(TransferMode.ASSIGNMENT)),
                licencesOnly))).isEqualTo(DealRejection.unprocessable(DealCodes.MODE_NOT_OFFERED,
                "the listing does not offer ASSIGNMENT"));
        assertThat(Fixtures.accepted(decide(negotiating(), Relation.BUYER,
                new ProposeTerms(sheet(TransferMode.SOLE_LICENCE)), licencesOnly))).isNotNull();
    }

    @Test
    void aDealHoldsAtMostFiftyVersions() {
        Deal deal = negotiating();
        for (int i = 0; i < DealLimits.TERMS_VERSIONS; i++) {
            deal = apply(deal, i % 2 == 0 ? Relation.SELLER_TTO : Relation.BUYER, new ProposeTerms(sheet()));
        }

        assertThat(deal.termsVersions()).hasSize(50);
        assertThat(rejection(decide(deal, Relation.BROKER, new ProposeTerms(sheet()))).code())
                .isEqualTo(DealCodes.LIMIT_REACHED);
    }

    @Test
    void acceptingTheAskingPriceAgreesTheListingsTermsAtOnce() {
        for (DealStage stage : List.of(DealStage.BROKER_ASSIGNED, DealStage.NDA_SIGNED)) {
            DealDecision.Accepted accepted = Fixtures.acceptance(
                    decide(Fixtures.inStage(stage), Relation.BUYER, new AcceptAskingPrice(), FIXED));

            Deal deal = accepted.deal();
            TermSheet expected = new TermSheet(TransferMode.ORDINARY_LICENCE, List.of("*"), List.of("CN"), TODAY, null,
                    false, 88_000_000, List.of(), List.of(), null, null);
            assertThat(deal.stage()).isEqualTo(DealStage.TERMS_AGREED);
            assertThat(deal.agreedTerms()).isEqualTo(expected);
            assertThat(deal.agreedTerms().contractValue()).isEqualTo(88_000_000);
            assertThat(deal.termsVersions()).containsExactly(
                    new TermsVersion(1, expected, Side.SELLER, Fixtures.NOW, Set.of(Side.BUYER)));
            assertThat(accepted.entry().note()).isEqualTo("terms version 1 at the asking price 880000.00");
            assertThat(accepted.event().type()).isEqualTo("DealAskingPriceAccepted");
        }
    }

    @Test
    void onlyAFixedPriceListingWithAPriceHasAnAskingPrice() {
        DealRules fixedWithoutPrice = new DealRules(RATE, true, null, Set.of(), false);
        DealRules negotiatedWithPrice = new DealRules(RATE, false, 88_000_000L, Set.of(), false);
        Deal deal = Fixtures.inStage(DealStage.NDA_SIGNED);

        for (DealRules rules : List.of(fixedWithoutPrice, negotiatedWithPrice)) {
            assertThat(rejection(decide(deal, Relation.BUYER, new AcceptAskingPrice(), rules)))
                    .isEqualTo(DealRejection.unprocessable(DealCodes.NO_ASKING_PRICE, "the listing has no fixed asking price"));
        }
    }

    @Test
    void theAskingPriceIsForTheIntendedModeAsTheListingAllowsIt() {
        Deal base = Fixtures.inStage(DealStage.NDA_SIGNED);
        Deal exclusive = new Deal(base.id(), base.achievementId(), base.demandId(), base.sellerOrg(), base.buyerOrg(),
                base.broker(), base.stage(), TransferMode.EXCLUSIVE_LICENCE, base.ndaSignatures(), List.of(), null,
                Set.of(), null, List.of(), List.of(), null, null, 0, base.createdAt(), base.updatedAt(), base.version());
        DealRules openLicence = new DealRules(RATE, true, 88_000_000L, Set.of(), true);
        DealRules ordinaryOnly = new DealRules(RATE, true, 88_000_000L, Set.of(TransferMode.ORDINARY_LICENCE), false);

        assertThat(rejection(decide(exclusive, Relation.BUYER, new AcceptAskingPrice(), openLicence)).code())
                .isEqualTo(DealCodes.OPEN_LICENCE_EXCLUSIVE);
        assertThat(rejection(decide(exclusive, Relation.BUYER, new AcceptAskingPrice(), ordinaryOnly)).code())
                .isEqualTo(DealCodes.MODE_NOT_OFFERED);
    }

    @Test
    void theAskingPriceFollowsEarlierProposalsInTheHistory() {
        Deal deal = DealBuilder.from(Fixtures.inStage(DealStage.NDA_SIGNED))
                .termsVersions(List.of(new TermsVersion(1, sheet(), Side.BUYER, Fixtures.NOW, Set.of()))).build();

        Deal agreed = Fixtures.accepted(decide(deal, Relation.BUYER, new AcceptAskingPrice(), FIXED));

        assertThat(agreed.termsVersions()).extracting(TermsVersion::number).containsExactly(1, 2);
    }
}
