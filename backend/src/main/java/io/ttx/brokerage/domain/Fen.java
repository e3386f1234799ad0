package io.ttx.brokerage.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding to the fen, half-up, once at the end of a computation; and fen as yuan text for trail notes. */
final class Fen {

    private Fen() {
    }

    static long round(BigDecimal fen) {
        return fen.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** 123456 fen as "1234.56". */
    static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
