package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.Fixtures.PILOT;
import static io.ttx.brokerage.domain.Fixtures.TODAY;
import static io.ttx.brokerage.domain.Fixtures.UPFRONT;
import static io.ttx.brokerage.domain.Fixtures.apply;
import static io.ttx.brokerage.domain.Fixtures.decide;
import static io.ttx.brokerage.domain.Fixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttx.brokerage.domain.DealCommand.Close;
import io.ttx.brokerage.domain.DealCommand.RecordPayment;
import io.ttx.brokerage.domain.DealCommand.RegisterContract;
import io.ttx.brokerage.domain.DealCommand.Reject;
import io.ttx.brokerage.domain.DealCommand.Terminate;
import io.ttx.brokerage.domain.DealCommand.Withdraw;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Registration, payments, closing, and the ways a deal ends. */
class SettlementTests {

    private static Deal registered() {
        return Fixtures.inStage(DealStage.REGISTERED);
    }

    private static RecordPayment payment(PaymentKind kind, long amount, @Nullable String milestone) {
        return new RecordPayment(kind, amount, TODAY, milestone);
    }

    private static String code(Deal deal, DealCommand command) {
        return rejection(decide(deal, Relation.BROKER, command)).code();
    }

    @Test
    void registrationRecordsTheFactsAndMovesToRegistered() {
        RegisterContract command = new RegisterContract("2026110000000456", TODAY, ContractType.TRANSFER,
                200_000_000, 150_000_000);

        DealDecision.Accepted accepted = Fixtures.acceptance(decide(Fixtures.inStage(DealStage.CONTRACT_SIGNED),
                Relation.BROKER, command));

        assertThat(accepted.deal().registration()).isEqualTo(new Registration("2026110000000456", TODAY,
                ContractType.TRANSFER, 200_000_000, 150_000_000));
        assertThat(accepted.deal().stage()).isEqualTo(DealStage.REGISTERED);
        assertThat(accepted.entry().note()).isEqualTo("registration 2026110000000456");
    }

    @Test
    void technicalIncomeIsPartOfTheContractValue() {
        Deal signed = Fixtures.inStage(DealStage.CONTRACT_SIGNED);
        ContractType type = ContractType.SERVICE;

        assertThat(code(signed, new RegisterContract("R", TODAY, type, 100, 101))).isEqualTo(DealCodes.INVALID_REGISTRATION);
        assertThat(code(signed, new RegisterContract("R", TODAY, type, -1, 0))).isEqualTo(DealCodes.INVALID_REGISTRATION);
        assertThat(code(signed, new RegisterContract("R", TODAY, type, DealLimits.MAX_AMOUNT + 1, 0)))
                .isEqualTo(DealCodes.INVALID_REGISTRATION);
        assertThat(code(signed, new RegisterContract("R", TODAY.plusDays(1), type, 100, 100)))
                .isEqualTo(DealCodes.INVALID_REGISTRATION);
        assertThat(Fixtures.accepted(decide(signed, Relation.BROKER, new RegisterContract("R", TODAY, type, 100, 100))))
                .isNotNull();
    }

    @Test
    void upfrontPaymentsAddUpToTheUpfrontFee() {
        Deal deal = apply(registered(), Relation.SELLER_TTO, payment(PaymentKind.UPFRONT, UPFRONT - 1, null));

        assertThat(rejection(decide(deal, Relation.BROKER, payment(PaymentKind.UPFRONT, 2, null))))
                .isEqualTo(DealRejection.unprocessable(DealCodes.OVERPAYMENT,
                        "upfront: 999999.99 of 1000000.00 paid, 0.02 more is too much"));
        deal = apply(deal, Relation.BROKER, payment(PaymentKind.UPFRONT, 1, null));
        assertThat(deal.paid(PaymentKind.UPFRONT, null)).isEqualTo(UPFRONT);
        assertThat(code(deal, payment(PaymentKind.UPFRONT, 1, null))).isEqualTo(DealCodes.OVERPAYMENT);
    }

    @Test
    void milestonePaymentsNameAMilestoneAndStayWithinIt() {
        Deal deal = registered();

        assertThat(code(deal, payment(PaymentKind.MILESTONE, 1, "launch"))).isEqualTo(DealCodes.UNKNOWN_MILESTONE);
        assertThat(code(deal, payment(PaymentKind.MILESTONE, 1, null))).isEqualTo(DealCodes.UNKNOWN_MILESTONE);
        assertThat(code(deal, payment(PaymentKind.MILESTONE, PILOT + 1, "pilot"))).isEqualTo(DealCodes.OVERPAYMENT);
        DealDecision.Accepted paid = Fixtures.acceptance(decide(deal, Relation.BROKER,
                payment(PaymentKind.MILESTONE, PILOT, "pilot")));
        assertThat(paid.deal().payments()).containsExactly(
                new Payment(PaymentKind.MILESTONE, PILOT, TODAY, "pilot", "broker-1", Fixtures.NOW));
        assertThat(paid.entry().note()).isEqualTo("MILESTONE pilot 500000.00");
        assertThat(paid.deal().stage()).isEqualTo(DealStage.REGISTERED);
    }

    @Test
    void aPaymentIsPositiveAndNotInTheFuture() {
        Deal deal = registered();

        assertThat(code(deal, payment(PaymentKind.ROYALTY, 0, null))).isEqualTo(DealCodes.INVALID_PAYMENT);
        assertThat(code(deal, payment(PaymentKind.ROYALTY, -5, null))).isEqualTo(DealCodes.INVALID_PAYMENT);
        assertThat(code(deal, payment(PaymentKind.ROYALTY, DealLimits.MAX_AMOUNT + 1, null)))
                .isEqualTo(DealCodes.INVALID_PAYMENT);
        assertThat(code(deal, new RecordPayment(PaymentKind.ROYALTY, 5, TODAY.plusDays(1), null)))
                .isEqualTo(DealCodes.INVALID_PAYMENT);
        assertThat(code(deal, new RecordPayment(PaymentKind.ROYALTY, 5, LocalDate.of(1999, 12, 31), null)))
                .isEqualTo(DealCodes.INVALID_PAYMENT);
        assertThat(code(deal, payment(PaymentKind.UPFRONT, 5, "pilot"))).isEqualTo(DealCodes.INVALID_PAYMENT);
        assertThat(code(deal, payment(PaymentKind.ROYALTY, 5, "pilot"))).isEqualTo(DealCodes.INVALID_PAYMENT);
    }

    @Test
    void royaltyPaymentsAreNotCapped() {
        Deal deal = apply(registered(), Relation.BROKER, payment(PaymentKind.ROYALTY, DealLimits.MAX_AMOUNT, null));

        assertThat(deal.paid(PaymentKind.ROYALTY, null)).isEqualTo(DealLimits.MAX_AMOUNT);
    }

    @Test
    void aDealHoldsAtMostAThousandPayments() {
        Payment one = new Payment(PaymentKind.ROYALTY, 1, TODAY, null, "broker-1", Fixtures.NOW);
        Deal full = DealBuilder.from(registered()).payments(Collections.nCopies(DealLimits.PAYMENTS, one))
                .build();

        assertThat(code(full, payment(PaymentKind.ROYALTY, 1, null))).isEqualTo(DealCodes.LIMIT_REACHED);
    }

    @Test
    void closingWaitsForTheUpfrontFeeAndEveryMilestone() {
        Deal deal = registered();
        assertThat(deal.paymentsOutstanding()).isTrue();
        assertThat(code(deal, new Close())).isEqualTo(DealCodes.PAYMENTS_OUTSTANDING);

        deal = apply(deal, Relation.BROKER, payment(PaymentKind.UPFRONT, UPFRONT, null));
        assertThat(code(deal, new Close())).isEqualTo(DealCodes.PAYMENTS_OUTSTANDING);
        deal = apply(deal, Relation.BROKER, payment(PaymentKind.MILESTONE, PILOT, "pilot"));

        Deal closed = apply(deal, Relation.SELLER_TTO, new Close());
        assertThat(closed.stage()).isEqualTo(DealStage.CLOSED);
        assertThat(apply(closed, Relation.BROKER, payment(PaymentKind.ROYALTY, 10, null)).stage())
                .isEqualTo(DealStage.CLOSED);
    }

    @Test
    void terminationEndsTheGrantOnItsEffectiveDay() {
        LocalDate effective = LocalDate.of(2027, 3, 31);

        DealDecision.Accepted accepted = Fixtures.acceptance(decide(Fixtures.inStage(DealStage.CLOSED), Relation.BUYER,
                new Terminate("the buyer stops production", effective)));

        assertThat(accepted.deal().stage()).isEqualTo(DealStage.TERMINATED);
        assertThat(accepted.deal().terminatedOn()).isEqualTo(effective);
        assertThat(accepted.entry().note()).isEqualTo("the buyer stops production");
        assertThat(accepted.event().type()).isEqualTo("DealTerminated");
        assertThat(Grant.of(accepted.deal())).hasValueSatisfying(g -> assertThat(g.termEnd()).isEqualTo(effective));
        assertThat(code(Fixtures.inStage(DealStage.REGISTERED), new Terminate("x", LocalDate.of(2200, 1, 1))))
                .isEqualTo(DealCodes.INVALID_TERMINATION);
    }

    @Test
    void withdrawalAndRejectionKeepTheReason() {
        for (DealStage stage : List.of(DealStage.INQUIRY, DealStage.NEGOTIATION, DealStage.TERMS_AGREED)) {
            DealDecision.Accepted withdrawn = Fixtures.acceptance(decide(Fixtures.inStage(stage), Relation.BUYER,
                    new Withdraw("budget cut")));
            DealDecision.Accepted rejected = Fixtures.acceptance(decide(Fixtures.inStage(stage), Relation.SELLER_TTO,
                    new Reject("licensed elsewhere")));

            assertThat(withdrawn.entry()).isEqualTo(new TrailEntry("buyer-1", Fixtures.NOW, CommandType.WITHDRAW, stage,
                    DealStage.WITHDRAWN, "budget cut", Relation.BUYER));
            assertThat(rejected.entry()).isEqualTo(new TrailEntry("tto-1", Fixtures.NOW, CommandType.REJECT, stage,
                    DealStage.REJECTED, "licensed elsewhere", Relation.SELLER_TTO));
            assertThat(withdrawn.deal().stage().isOpen()).isFalse();
            assertThat(rejected.deal().nextAction()).isEqualTo(NextAction.NONE);
        }
    }
}
