package io.ttx.brokerage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttx.brokerage.domain.DealCommand.AcceptAskingPrice;
import io.ttx.brokerage.domain.DealCommand.AcceptTerms;
import io.ttx.brokerage.domain.DealCommand.AssignBroker;
import io.ttx.brokerage.domain.DealCommand.Claim;
import io.ttx.brokerage.domain.DealCommand.Close;
import io.ttx.brokerage.domain.DealCommand.CloseRoyaltyYear;
import io.ttx.brokerage.domain.DealCommand.FileRoyaltyStatement;
import io.ttx.brokerage.domain.DealCommand.ProposeTerms;
import io.ttx.brokerage.domain.DealCommand.RecordPayment;
import io.ttx.brokerage.domain.DealCommand.RegisterContract;
import io.ttx.brokerage.domain.DealCommand.Reject;
import io.ttx.brokerage.domain.DealCommand.SignContract;
import io.ttx.brokerage.domain.DealCommand.SignNda;
import io.ttx.brokerage.domain.DealCommand.Terminate;
import io.ttx.brokerage.domain.DealCommand.Withdraw;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Deals in every stage built field by field (not through the commands under test), the actors of every relation, a
 * valid term sheet and a valid command of every type.
 */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-06-15T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final String SELLER_ORG = "12100000400000624D";
    static final String BUYER_ORG = "91110108MA01234567";
    static final String BROKER_ORG = "12110000MB1234567X";
    static final String OTHER_BROKER_ORG = "52110000MJ0000001K";
    static final BigDecimal RATE = new BigDecimal("0.05");
    /** A negotiated listing offering every mode: asking-price acceptance is refused, every proposal goes. */
    static final DealRules RULES = new DealRules(RATE, false, null, Set.of(), false);
    /** 1,000,000.00 CNY upfront. */
    static final long UPFRONT = 100_000_000;
    /** 500,000.00 CNY on the pilot milestone. */
    static final long PILOT = 50_000_000;
    /** 50,000.00 CNY minimum annual royalty. */
    static final long MINIMUM = 5_000_000;

    private Fixtures() {
    }

    static Actor actor(Relation relation) {
        return switch (relation) {
            case SELLER_TTO -> new Actor("tto-1", SELLER_ORG, relation);
            case SELLER_OTHER -> new Actor("researcher-1", SELLER_ORG, relation);
            case BUYER -> new Actor("buyer-1", BUYER_ORG, relation);
            case BROKER -> new Actor("broker-1", BROKER_ORG, relation);
            case UNASSIGNED_BROKER, OTHER_BROKER -> new Actor("broker-9", OTHER_BROKER_ORG, relation);
            case ADMIN -> new Actor("admin-1", null, relation);
            case NONE -> new Actor("someone", null, relation);
        };
    }

    /**
     * An ordinary licence in C39 (computers, electronics) in Beijing, 2025 to 2030: 1,000,000.00 upfront, a pilot
     * milestone of 500,000.00, royalties of 5 % up to 100,000.00 of sales, 3 % up to 500,000.00, 1 % above, and a
     * minimum annual royalty of 50,000.00.
     */
    static TermSheet sheet() {
        return sheet(TransferMode.ORDINARY_LICENCE);
    }

    static TermSheet sheet(TransferMode mode) {
        return new TermSheet(mode, List.of("C39"), List.of("110000"), LocalDate.of(2025, 1, 1),
                LocalDate.of(2030, 12, 31), false, UPFRONT, List.of(new Milestone("pilot", PILOT, LocalDate.of(2026, 12, 31))),
                tiers(), MINIMUM, null);
    }

    static List<RoyaltyTier> tiers() {
        return List.of(new RoyaltyTier(10_000_000L, new BigDecimal("0.05")),
                new RoyaltyTier(50_000_000L, new BigDecimal("0.03")), new RoyaltyTier(null, new BigDecimal("0.01")));
    }

    static Deal opened() {
        return Deal.opened(new DealId("deal-1"), new OpenDeal("ach-1", "dem-1", SELLER_ORG, TransferMode.ORDINARY_LICENCE),
                BUYER_ORG, NOW.minusSeconds(86_400 * 100));
    }

    /** A consistent deal in the stage: ended stages carry the data of the stage they ended from. */
    static Deal inStage(DealStage stage) {
        DealStage reached = switch (stage) {
            case WITHDRAWN -> DealStage.NEGOTIATION;
            case REJECTED -> DealStage.NDA_SIGNED;
            case TERMINATED -> DealStage.REGISTERED;
            default -> stage;
        };
        DealBuilder b = DealBuilder.from(opened());
        if (past(reached, DealStage.BROKER_ASSIGNED)) {
            b.broker(new Broker(BROKER_ORG, "broker-1"));
        }
        if (past(reached, DealStage.NDA_SIGNED)) {
            b.ndaSignatures(List.of(new NdaSignature(Side.SELLER, "Wang Wu", "NDA-1", "tto-1", NOW),
                    new NdaSignature(Side.BUYER, "Li Si", "NDA-1", "buyer-1", NOW)));
        }
        if (reached == DealStage.NEGOTIATION) {
            b.termsVersions(List.of(new TermsVersion(1, sheet(), Side.SELLER, NOW, Set.of())));
        }
        if (past(reached, DealStage.TERMS_AGREED)) {
            b.termsVersions(List.of(new TermsVersion(1, sheet(), Side.SELLER, NOW, Set.of(Side.BUYER))))
                    .agreedTerms(sheet());
        }
        if (past(reached, DealStage.CONTRACT_SIGNED)) {
            b.contractSignedBy(Side.PARTIES).commissionRate(RATE).addCommission(7_500_000);
        }
        if (past(reached, DealStage.REGISTERED)) {
            b.registration(new Registration("2026110000000123", TODAY.minusDays(30), ContractType.LICENSING,
                    UPFRONT + PILOT, UPFRONT + PILOT));
        }
        if (past(reached, DealStage.CLOSED)) {
            b.payments(List.of(new Payment(PaymentKind.UPFRONT, UPFRONT, TODAY, null, "tto-1", NOW),
                    new Payment(PaymentKind.MILESTONE, PILOT, TODAY, "pilot", "tto-1", NOW)));
        }
        if (stage == DealStage.TERMINATED) {
            b.terminatedOn(TODAY);
        }
        return b.stage(stage).build();
    }

    private static boolean past(DealStage reached, DealStage stage) {
        return reached.compareTo(stage) >= 0;
    }

    /** A command of the type whose payload breaks no rule of its own on a deal where the type is allowed. */
    static DealCommand sample(CommandType type) {
        return switch (type) {
            case CLAIM -> new Claim();
            case ASSIGN_BROKER -> new AssignBroker(BROKER_ORG);
            case SIGN_NDA -> new SignNda("Li Si", "NDA-1");
            case ACCEPT_ASKING_PRICE -> new AcceptAskingPrice();
            case PROPOSE_TERMS -> new ProposeTerms(sheet());
            case ACCEPT_TERMS -> new AcceptTerms(1);
            case SIGN_CONTRACT -> new SignContract();
            case REGISTER_CONTRACT -> new RegisterContract("2026110000000123", TODAY, ContractType.LICENSING,
                    UPFRONT + PILOT, UPFRONT);
            case RECORD_PAYMENT -> new RecordPayment(PaymentKind.ROYALTY, 1_000, TODAY, null);
            case ROYALTY_STATEMENT -> new FileRoyaltyStatement(2026, 1_000_000, false);
            case CLOSE_ROYALTY_YEAR -> new CloseRoyaltyYear(2025);
            case CLOSE -> new Close();
            case TERMINATE -> new Terminate("breach of the payment terms", TODAY);
            case WITHDRAW -> new Withdraw("no budget this year");
            case REJECT -> new Reject("not a fit");
        };
    }

    static DealDecision decide(Deal deal, Relation relation, DealCommand command) {
        return decide(deal, relation, command, RULES);
    }

    static DealDecision decide(Deal deal, Relation relation, DealCommand command, DealRules rules) {
        return Deals.decide(deal, actor(relation), command, NOW, TODAY, rules);
    }

    /** The accepted decision's deal, failing the test on a rejection (with its detail). */
    static Deal accepted(DealDecision decision) {
        assertThat(decision).isInstanceOf(DealDecision.Accepted.class);
        return ((DealDecision.Accepted) decision).deal();
    }

    static DealDecision.Accepted acceptance(DealDecision decision) {
        assertThat(decision).isInstanceOf(DealDecision.Accepted.class);
        return (DealDecision.Accepted) decision;
    }

    static DealRejection rejection(DealDecision decision) {
        assertThat(decision).isInstanceOf(DealDecision.Rejected.class);
        return ((DealDecision.Rejected) decision).rejection();
    }

    /** Applies the command and returns the next deal, failing the test on a rejection. */
    static Deal apply(Deal deal, Relation relation, DealCommand command) {
        return accepted(decide(deal, relation, command));
    }
}
