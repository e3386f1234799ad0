package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The arithmetic contract shared by every BigDecimal method: additions and multiplications are exact, every division
 * and power uses {@link MathContext#DECIMAL128} (34 significant digits, half-even), nothing is rounded in between, and
 * a reported figure is rounded half-up once, at the end. Two implementations following this produce the same fen.
 */
final class Decimals {

    static final MathContext MC = MathContext.DECIMAL128;

    private Decimals() {
    }

    /** Money as reported: 2 decimal places, half-up. */
    static BigDecimal fen(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Display-only ratios (discount factors, remaining-life factor): 10 decimal places, half-up. */
    static BigDecimal factor(BigDecimal value) {
        return value.setScale(10, RoundingMode.HALF_UP);
    }

    /** A double result (real option) as reported: {@code BigDecimal.valueOf(d)} rounded half-up to the fen. */
    static BigDecimal fen(double value) {
        return fen(BigDecimal.valueOf(value));
    }

    static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
