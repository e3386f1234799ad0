package io.ttx.brokerage.domain;

import io.ttx.brokerage.domain.DealCommand.RecordPayment;
import io.ttx.brokerage.domain.DealCommand.RegisterContract;
import io.ttx.brokerage.domain.DealCommand.Terminate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** After the contract: REGISTER_CONTRACT, RECORD_PAYMENT, CLOSE and TERMINATE. */
final class Settling {

    private Settling() {
    }

    /**
     * 422 invalid-registration for amounts out of bounds, a technical income above the contract value, or a date in
     * the future or outside the years of {@link DealLimits}. The registered value may differ from the term sheet's
     * (it may include expected royalties), so it is not compared.
     */
    static Change register(Deal deal, RegisterContract command, Context context) {
        long value = command.contractValue();
        long income = command.technicalIncome();
        if (!DealLimits.isAmount(value) || !DealLimits.isAmount(income) || income > value) {
            throw Refusal.unprocessable(DealCodes.INVALID_REGISTRATION,
                    "technicalIncome and contractValue lie in [0, 10^15] fen, the income at most the value");
        }
        if (!isPast(command.registeredOn(), context)) {
            throw Refusal.unprocessable(DealCodes.INVALID_REGISTRATION, "registeredOn must not be in the future");
        }
        Registration registration = new Registration(command.registrationNumber(), command.registeredOn(),
                command.contractType(), value, income);
        return new Change(DealBuilder.from(deal).registration(registration),
                "registration " + command.registrationNumber());
    }

    /**
     * 422 invalid-payment for an amount that is not positive (or above 10^15), a future date, or a milestone name on
     * another kind; then 422 unknown-milestone and overpayment against the agreed terms; then 409 limit-reached.
     * Royalty payments are not capped: what is due depends on statements still to come.
     */
    static Change pay(Deal deal, RecordPayment command, Context context) {
        long amount = command.amount();
        if (amount <= 0 || amount > DealLimits.MAX_AMOUNT || !isPast(command.paidOn(), context)) {
            throw Refusal.unprocessable(DealCodes.INVALID_PAYMENT,
                    "a payment is positive, at most 10^15 fen, and not dated in the future");
        }
        String milestone = command.milestone();
        if (milestone != null && command.kind() != PaymentKind.MILESTONE) {
            throw Refusal.unprocessable(DealCodes.INVALID_PAYMENT, "only a MILESTONE payment names a milestone");
        }
        TermSheet terms = Objects.requireNonNull(deal.agreedTerms(), "registered deals have agreed terms");
        switch (command.kind()) {
            case UPFRONT -> requireWithin(deal.paid(PaymentKind.UPFRONT, null), amount, terms.upfront(), "upfront");
            case MILESTONE -> {
                Milestone m = terms.milestone(milestone == null ? "" : milestone).orElseThrow(() -> Refusal
                        .unprocessable(DealCodes.UNKNOWN_MILESTONE, "the agreed terms have no milestone " + milestone));
                requireWithin(deal.paid(PaymentKind.MILESTONE, m.name()), amount, m.amount(), "milestone " + m.name());
            }
            case ROYALTY -> { }
        }
        if (deal.payments().size() >= DealLimits.PAYMENTS) {
            throw Refusal.conflict(DealCodes.LIMIT_REACHED, "a deal has at most " + DealLimits.PAYMENTS + " payments");
        }
        List<Payment> payments = new ArrayList<>(deal.payments());
        payments.add(new Payment(command.kind(), amount, command.paidOn(), milestone, context.actor().subject(),
                context.now()));
        return new Change(DealBuilder.from(deal).payments(payments),
                command.kind() + (milestone == null ? "" : " " + milestone) + " " + Fen.format(amount));
    }

    /** 422 payments-outstanding unless the upfront fee and every milestone are fully paid. */
    static Change close(Deal deal) {
        if (deal.paymentsOutstanding()) {
            throw Refusal.unprocessable(DealCodes.PAYMENTS_OUTSTANDING,
                    "the upfront fee and every milestone must be paid before closing");
        }
        return new Change(DealBuilder.from(deal), null);
    }

    /**
     * The grant ends on {@code effectiveOn}, which may lie in the past (a contract already ended) or the future (a
     * notice period); before the term's start it leaves no grant at all. 422 invalid-termination outside the years of
     * {@link DealLimits}.
     */
    static Change terminate(Deal deal, Terminate command) {
        if (!DealLimits.isInYears(command.effectiveOn())) {
            throw Refusal.unprocessable(DealCodes.INVALID_TERMINATION, "effectiveOn must lie in the years "
                    + DealLimits.FIRST_YEAR + " to " + DealLimits.LAST_YEAR);
        }
        return new Change(DealBuilder.from(deal).terminatedOn(command.effectiveOn()), command.reason());
    }

    private static void requireWithin(long paid, long amount, long agreed, String what) {
        if (paid + amount > agreed) {
            throw Refusal.unprocessable(DealCodes.OVERPAYMENT, what + ": " + Fen.format(paid) + " of "
                    + Fen.format(agreed) + " paid, " + Fen.format(amount) + " more is too much");
        }
    }

    /** Not after today and not before the first year of {@link DealLimits}. */
    private static boolean isPast(LocalDate date, Context context) {
        return !date.isAfter(context.today()) && DealLimits.isInYears(date);
    }
}
