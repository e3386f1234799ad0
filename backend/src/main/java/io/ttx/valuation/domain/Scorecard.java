package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The qualitative evaluation rule (GB/T 44731-2024): each of the six criteria scored as an integer 0..100, and
 * overall = sum_c w_c x score_c / sum_c w_c, the numerator exact, one DECIMAL128 division, then half-up to 2 decimal
 * places. Example with the default weights: scores 80 / 77 / 70 / 60 / 50 / 85 give 12 + 19.25 + 17.5 + 6 + 2.5 + 17
 * = 74.25 over a weight sum of 1.00, so overall 74.25.
 */
public final class Scorecard {

    static final int MIN_SCORE = 0;
    static final int MAX_SCORE = 100;

    private final ScorecardWeights weights;

    public Scorecard(ScorecardWeights weights) {
        this.weights = weights;
    }

    /** Scores every criterion; a missing or out-of-range score is {@link InvalidScore} (checked in criterion order). */
    public ScorecardResult score(Map<Criterion, Integer> scores) {
        Map<Criterion, Integer> checked = new EnumMap<>(Criterion.class);
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion criterion : Criterion.values()) {
            Integer score = scores.get(criterion);
            if (score == null) {
                throw new InvalidScore(criterion, "is required");
            }
            if (score < MIN_SCORE || score > MAX_SCORE) {
                throw new InvalidScore(criterion, "must be an integer from " + MIN_SCORE + " to " + MAX_SCORE);
            }
            checked.put(criterion, score);
            BigDecimal weight = weights.of(criterion);
            weighted = weighted.add(weight.multiply(BigDecimal.valueOf(score)));
            total = total.add(weight);
        }
        BigDecimal overall = weighted.divide(total, Decimals.MC).setScale(2, RoundingMode.HALF_UP);
        return new ScorecardResult(checked, weights.weights(), overall);
    }
}
