package io.ttx.vouchers.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fen arithmetic: a ratio times an amount, half-up to the fen; formatting for messages. */
public final class Fen {
    private Fen() { }

    /** {@code ratio x fen}, half-up to the fen. */
    public static long times(BigDecimal ratio, long fen) {
        return ratio.multiply(BigDecimal.valueOf(fen)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString() + " CNY";
    }
}
