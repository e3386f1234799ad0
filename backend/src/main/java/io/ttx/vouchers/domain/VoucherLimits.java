package io.ttx.vouchers.domain;

/** The bounds of the voucher rules: amounts, lists, texts and days. */
public final class VoucherLimits {
    /** Any amount in fen (budget, cap, face value, invoice, subsidy): 0 to 10^15 (10^13 yuan). */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    public static final int NAME = 200;
    public static final int TEXT = 2_000;
    public static final int CONTROLLER = 64;
    public static final int INVOICE_NUMBER = 64;
    /** The longest validity of a voucher: ten years. */
    public static final int VALIDITY_DAYS = 3_660;
    /** Decimal places of a subsidy ratio. */
    public static final int RATIO_SCALE = 6;

    private VoucherLimits() { }

    static boolean isAmount(long fen) {
        return fen >= 0 && fen <= MAX_AMOUNT;
    }
}
