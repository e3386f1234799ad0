package io.ttx.brokerage.domain;

import io.ttx.brokerage.domain.DealCommand.CloseRoyaltyYear;
import io.ttx.brokerage.domain.DealCommand.FileRoyaltyStatement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * ROYALTY_STATEMENT and CLOSE_ROYALTY_YEAR: the yearly royalty accounts, and the commission on each due and true-up at
 * the rate fixed when the contract was signed.
 */
final class RoyaltyBook {

    private RoyaltyBook() {
    }

    /**
     * 422 invalid-statement for net sales outside [0, 10^15], 422 outside-term for a year before the term's start,
     * more than one year after its end, or after the current year; then 409 year-closed and limit-reached.
     */
    static Change file(Deal deal, FileRoyaltyStatement command, Context context) {
        if (!DealLimits.isAmount(command.netSales())) {
            throw Refusal.unprocessable(DealCodes.INVALID_STATEMENT, "netSales lies in [0, 10^15] fen");
        }
        TermSheet terms = terms(deal);
        int year = command.year();
        requireWithinTerm(terms, year);
        if (year > context.today().getYear()) {
            throw Refusal.unprocessable(DealCodes.OUTSIDE_TERM, "no statement for " + year + " before it begins");
        }
        RoyaltyYear account = openAccount(deal, year);
        if (account.statements().size() >= DealLimits.STATEMENTS_PER_YEAR) {
            throw Refusal.conflict(DealCodes.LIMIT_REACHED, "a year has at most " + DealLimits.STATEMENTS_PER_YEAR
                    + " statements");
        }
        long due = Royalties.due(terms.royaltyTiers(), account.netSales(), account.netSales() + command.netSales());
        RoyaltyYear filed = account.filing(new RoyaltyStatement(command.netSales(), due, context.actor().subject(),
                context.now()));
        String note = "statement for " + year + ": net sales " + Fen.format(command.netSales()) + ", due "
                + Fen.format(due);
        return command.closesYear() ? closing(deal, terms, filed, due, note) : booking(deal, filed, note, due);
    }

    /** 422 outside-term as for statements (the future aside), then 409 year-not-ended, then 409 year-closed. */
    static Change close(Deal deal, CloseRoyaltyYear command, Context context) {
        TermSheet terms = terms(deal);
        int year = command.year();
        requireWithinTerm(terms, year);
        if (year >= context.today().getYear()) {
            throw Refusal.conflict(DealCodes.YEAR_NOT_ENDED, year + " has not ended");
        }
        return closing(deal, terms, openAccount(deal, year), 0, "closing " + year);
    }

    private static Change closing(Deal deal, TermSheet terms, RoyaltyYear account, long due, String note) {
        long trueUp = Royalties.trueUp(terms.minimumAnnualRoyalty(), account.due());
        return booking(deal, account.closing(trueUp), note + ", true-up " + Fen.format(trueUp), due, trueUp);
    }

    /** Stores the account and earns commission on each royalty amount (a due, a true-up), each rounded on its own. */
    private static Change booking(Deal deal, RoyaltyYear account, String note, long... royalties) {
        List<RoyaltyYear> years = new ArrayList<>(deal.royaltyYears());
        years.removeIf(y -> y.year() == account.year());
        years.add(account);
        years.sort(Comparator.comparingInt(RoyaltyYear::year));
        BigDecimal rate = Objects.requireNonNull(deal.commissionRate(), "signed deals have a commission rate");
        long earned = 0;
        for (long royalty : royalties) {
            earned += Commissions.of(rate, royalty);
        }
        return new Change(DealBuilder.from(deal).royaltyYears(years).addCommission(earned),
                note + ", commission " + Fen.format(earned));
    }

    private static TermSheet terms(Deal deal) {
        return Objects.requireNonNull(deal.agreedTerms(), "registered deals have agreed terms");
    }

    private static void requireWithinTerm(TermSheet terms, int year) {
        boolean beforeStart = year < terms.termStart().getYear();
        LocalDate end = terms.termEnd();
        boolean afterEnd = end != null && year > end.getYear() + 1;
        if (beforeStart || afterEnd) {
            throw Refusal.unprocessable(DealCodes.OUTSIDE_TERM, year + " lies outside the term");
        }
    }

    /** The year's account, new if it has none; 409 year-closed when it is closed. */
    private static RoyaltyYear openAccount(Deal deal, int year) {
        RoyaltyYear account = deal.royaltyYear(year).orElse(RoyaltyYear.empty(year));
        if (account.closed()) {
            throw Refusal.conflict(DealCodes.YEAR_CLOSED, year + " is closed");
        }
        return account;
    }
}
