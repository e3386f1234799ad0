package io.ttx.brokerage.domain;

import java.time.LocalDate;

/**
 * The bounds of a deal. The domain enforces the amounts, lists, dates and counts below; the texts (signatory, NDA
 * version, registration number, reasons) are bounded by the web layer with the constants at the end, because the
 * domain takes them as given. A deal is one stored document, so every list in it is bounded.
 */
public final class DealLimits {
    /** Any amount in fen (upfront, milestone, tier bound, minimum royalty, payment, net sales): 0 to 10^15. */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    /** Decimal places of a rate or the equity percentage: more carries no meaning and slows the arithmetic. */
    public static final int MAX_SCALE = 15;
    /** Field-of-use codes and territory codes, each list 1 to this many entries. */
    public static final int CODES = 20;
    public static final int MILESTONES = 20;
    /** A milestone name, in code points. */
    public static final int MILESTONE_NAME = 100;
    public static final int ROYALTY_TIERS = 10;
    /** Every date of a deal (term, milestones, registration, payment, termination) lies in these years. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2199;
    /** Term sheet versions of one deal: a negotiation beyond this is stuck, and the document must stay bounded. */
    public static final int TERMS_VERSIONS = 50;
    /** Recorded payments of one deal (quarterly royalties for 50 years and more). */
    public static final int PAYMENTS = 1_000;
    /** Royalty statements of one year (weekly statements fit). */
    public static final int STATEMENTS_PER_YEAR = 60;

    /** For the web layer: signatory, NDA version, registration number. */
    public static final int SHORT_TEXT = 200;
    /** For the web layer: the reason of a withdrawal, rejection or termination. */
    public static final int REASON = 2_000;

    private DealLimits() { }

    static boolean isAmount(long fen) {
        return fen >= 0 && fen <= MAX_AMOUNT;
    }

    static boolean isInYears(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }
}
