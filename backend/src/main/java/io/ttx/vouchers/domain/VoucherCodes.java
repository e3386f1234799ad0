package io.ttx.vouchers.domain;

/** The stable problem codes of voucher rules (listed in the contract's x-problem-codes). */
public final class VoucherCodes {
    public static final String FORBIDDEN = "forbidden";
    /** 422: a programme's fields break a rule; the detail names the field. */
    public static final String INVALID_PROGRAMME = "invalid-programme";
    /** 422: an agency application's fields break a rule. */
    public static final String INVALID_AGENCY = "invalid-agency";
    /** 409: an agency admitted before its public notice ended. */
    public static final String NOTICE_PERIOD = "notice-period";
    /** 409: the agency was decided already, or is not admitted (products). */
    public static final String AGENCY_DECIDED = "agency-decided";
    public static final String AGENCY_NOT_ADMITTED = "agency-not-admitted";
    /** 409: an objection after the public notice ended. */
    public static final String NOTICE_ENDED = "notice-ended";
    /** 409: the programme's available budget is less than the face value. */
    public static final String BUDGET_EXHAUSTED = "budget-exhausted";
    /** 409: the face value would pass the yearly cap of the holder or of its controller. */
    public static final String CAP_EXCEEDED = "cap-exceeded";
    /** 409: vouchers are issued only within the programme's period. */
    public static final String PROGRAMME_NOT_OPEN = "programme-not-open";
    /** 422: a face value of zero or beyond the bounds. */
    public static final String INVALID_FACE_VALUE = "invalid-face-value";
    /** 409: the voucher is not ACTIVE or not within its validity. */
    public static final String VOUCHER_NOT_ACTIVE = "voucher-not-active";
    /** 403: the agency is not admitted in a province the programme accepts. */
    public static final String REGION_NOT_ACCEPTED = "region-not-accepted";
    /** 422: the category is not in the programme or not in the agency's admission. */
    public static final String CATEGORY_NOT_ELIGIBLE = "category-not-eligible";
    /** 422: the agency's organisation or controller is the holder's. */
    public static final String SELF_DEALING = "self-dealing";
    /** 409: the invoice (number, agency) is claimed by a live redemption. */
    public static final String INVOICE_CLAIMED = "invoice-claimed";
    /** 422: the subsidy rounds to 0.00. */
    public static final String SUBSIDY_ZERO = "subsidy-zero";
    /** 409: nothing remains on the voucher. */
    public static final String VOUCHER_EXHAUSTED = "voucher-exhausted";
    /** 422: an invoice amount of zero or beyond the bounds. */
    public static final String INVALID_INVOICE = "invalid-invoice";
    /** 409: a redemption decided already (approval, rejection) or not settled yet (rating needs one approved). */
    public static final String REDEMPTION_DECIDED = "redemption-decided";
    /** 409: a redemption rated already. */
    public static final String ALREADY_RATED = "already-rated";
    /** 422: a rating's score outside 1-5. */
    public static final String INVALID_RATING = "invalid-rating";

    /** 422: the named deal is not a registered or closed transfer bought by the holder and brokered by the agency. */
    public static final String DEAL_NOT_ELIGIBLE = "deal-not-eligible";
    /** 422: an Idempotency-Key sent again with another request. */
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";

    private VoucherCodes() { }
}
