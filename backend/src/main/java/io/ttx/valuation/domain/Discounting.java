package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The discounting shared by incomeDcf, reliefFromRoyalty and rnpv: V = sum_t A_t / (1 + r)^t for year-end amounts
 * A_1..A_N, each power {@code (1 + r).pow(t, DECIMAL128)} and each quotient {@code A_t.divide(pow, DECIMAL128)}, the
 * sum exact. The range is the min and max of V at r - 0.02 and r + 0.02 (the shifted rate is not clamped at zero).
 */
final class Discounting {

    static final BigDecimal RANGE_SHIFT = new BigDecimal("0.02");

    private Discounting() {
    }

    /** The unrounded present value. */
    static BigDecimal presentValue(List<BigDecimal> amounts, BigDecimal rate) {
        BigDecimal onePlusRate = BigDecimal.ONE.add(rate);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < amounts.size(); i++) {
            total = total.add(amounts.get(i).divide(onePlusRate.pow(i + 1, Decimals.MC), Decimals.MC));
        }
        return total;
    }

    static List<BreakdownRow> breakdown(List<BigDecimal> amounts, BigDecimal rate) {
        BigDecimal onePlusRate = BigDecimal.ONE.add(rate);
        List<BreakdownRow> rows = new ArrayList<>(amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal power = onePlusRate.pow(i + 1, Decimals.MC);
            BigDecimal amount = amounts.get(i);
            rows.add(new BreakdownRow(i + 1, Decimals.fen(amount),
                    Decimals.factor(BigDecimal.ONE.divide(power, Decimals.MC)),
                    Decimals.fen(amount.divide(power, Decimals.MC))));
        }
        return rows;
    }

    /** Value, range, breakdown and the negative-value warning for amounts already adjusted for risk. */
    static DiscountedCashFlowResult evaluate(ValuationMethod method, List<BigDecimal> amounts, BigDecimal rate,
            @Nullable BigDecimal successProbability, @Nullable BigDecimal royaltyRate,
            List<ValuationWarning> methodWarnings) {
        BigDecimal value = Decimals.fen(presentValue(amounts, rate));
        BigDecimal lower = presentValue(amounts, rate.subtract(RANGE_SHIFT));
        BigDecimal upper = presentValue(amounts, rate.add(RANGE_SHIFT));
        List<ValuationWarning> warnings = new ArrayList<>();
        if (value.signum() < 0) {
            warnings.add(ValuationWarning.negativeValue(value));
        }
        warnings.addAll(methodWarnings);
        return new DiscountedCashFlowResult(method, value, Decimals.fen(Decimals.min(lower, upper)),
                Decimals.fen(Decimals.max(lower, upper)), rate, successProbability, royaltyRate,
                breakdown(amounts, rate), warnings);
    }
}
