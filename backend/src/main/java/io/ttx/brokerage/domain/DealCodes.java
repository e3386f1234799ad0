package io.ttx.brokerage.domain;

/**
 * The stable problem codes of deal rejections. Checks run in a fixed order, and the first broken rule is reported:
 * the actor's relation (403 {@link #FORBIDDEN}), then the stage (409 {@link #ILLEGAL_TRANSITION}), then the command's
 * own rules as each command documents them (as a rule, its content first with 422, then the deal's state with 409).
 */
public final class DealCodes {
    /** 403: the actor's relation to the deal does not allow the command at all. */
    public static final String FORBIDDEN = "forbidden";
    /** 403: a party tried to accept the term sheet version its own side proposed. */
    public static final String OWN_PROPOSAL = "own-proposal";

    /** 409: the command is allowed to the actor, but not in the deal's stage. */
    public static final String ILLEGAL_TRANSITION = "illegal-transition";
    /** 409: a claim or assignment while a broker is assigned. */
    public static final String ALREADY_ASSIGNED = "already-assigned";
    /** 409: the side already signed this NDA or contract. */
    public static final String ALREADY_SIGNED = "already-signed";
    /** 409: the side already accepted the current term sheet version (after a broker's proposal). */
    public static final String ALREADY_ACCEPTED = "already-accepted";
    /** 409: the accepted version is not the current one. */
    public static final String TERMS_SUPERSEDED = "terms-superseded";
    /** 409: not raised here; the caller decides it with {@link Exclusivity#conflicts}. */
    public static final String EXCLUSIVITY_CONFLICT = "exclusivity-conflict";
    /** 409: a statement for, or the closing of, a year already closed. */
    public static final String YEAR_CLOSED = "year-closed";
    /** 409: closing a year that has not ended yet. */
    public static final String YEAR_NOT_ENDED = "year-not-ended";
    /**
     * 409: the deal holds the maximum number of term sheet versions, payments or statements of a year (or its room the
     * maximum number of documents or messages).
     */
    public static final String LIMIT_REACHED = "limit-reached";
    /** 409: the deal was withdrawn, rejected or terminated: its room is read-only (no documents, no messages). */
    public static final String DEAL_ENDED = "deal-ended";

    /** 422: accepting the asking price of a listing that is not a fixed-price listing with an asking price. */
    public static final String NO_ASKING_PRICE = "no-asking-price";
    /** 422: a transfer mode the listing does not offer. */
    public static final String MODE_NOT_OFFERED = "mode-not-offered";
    /** 422: an exclusive or sole licence of an open-licensed achievement. */
    public static final String OPEN_LICENCE_EXCLUSIVE = "open-licence-exclusive";
    /** 422: a buyer organisation opening a deal on its own achievement. */
    public static final String OWN_ACHIEVEMENT = "self-dealing";
    /** 422: a term sheet list, code, amount, rate or percentage out of bounds. */
    public static final String INVALID_TERM_SHEET = "invalid-term-sheet";
    /** 422: royalty tiers not strictly ascending, or an unbounded tier that is not the last. */
    public static final String INVALID_TIERS = "invalid-tiers";
    /** 422: a term that ends before it starts, or a term date outside the years of {@link DealLimits}. */
    public static final String INVALID_TERM = "invalid-term";
    /** 422: a registration whose technical income exceeds the contract value, or with amounts or date out of bounds. */
    public static final String INVALID_REGISTRATION = "invalid-registration";
    /** 422: a payment that is not positive, is dated in the future or names a milestone without being one. */
    public static final String INVALID_PAYMENT = "invalid-payment";
    /** 422: an upfront or milestone payment beyond its amount in the agreed term sheet. */
    public static final String OVERPAYMENT = "overpayment";
    /** 422: a milestone payment naming no milestone of the agreed term sheet. */
    public static final String UNKNOWN_MILESTONE = "unknown-milestone";
    /** 422: closing while the upfront or a milestone is not fully paid. */
    public static final String PAYMENTS_OUTSTANDING = "payments-outstanding";
    /** 422: negative or too large net sales. */
    public static final String INVALID_STATEMENT = "invalid-statement";
    /** 422: a royalty year outside the term, or in the future. */
    public static final String OUTSIDE_TERM = "outside-term";
    /** 422: a termination date outside the years of {@link DealLimits}. */
    public static final String INVALID_TERMINATION = "invalid-termination";

    /** 409: the listing's trade method is not the one of the auction or tender asked for. */
    public static final String TRADE_METHOD = "trade-method";
    /** 409: the achievement already has a live auction or tender. */
    public static final String AUCTION_EXISTS = "auction-exists";
    /** 422: an auction's or tender's dates: opening and closing in the future, in order, within the bounds. */
    public static final String INVALID_WINDOW = "invalid-window";
    /** 422: an auction's prices: a starting price and an increment above zero. */
    public static final String INVALID_PRICES = "invalid-prices";
    /** 422: a bid below the starting price (first bid) or the highest bid plus the increment. */
    public static final String BID_TOO_LOW = "bid-too-low";
    /** 409: a bid outside the auction's window, or a change of an auction that has ended. */
    public static final String AUCTION_CLOSED = "auction-closed";
    /** 409: an auction with bids cannot be cancelled. */
    public static final String BIDS_PLACED = "bids-placed";
    /** 409: an offer after the tender's close, or a change of a tender that has ended. */
    public static final String TENDER_CLOSED = "tender-closed";
    /** 409: a tender's offers are sealed and it cannot be awarded before its close. */
    public static final String TENDER_SEALED = "tender-sealed";
    /** 422: an offer below the tender's minimum price. */
    public static final String OFFER_TOO_LOW = "offer-too-low";

    private DealCodes() { }
}
