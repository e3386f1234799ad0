package io.ttx.valuation.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import static io.ttx.valuation.domain.Examples.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorecardTests {

    private final Scorecard scorecard = new Scorecard(ScorecardWeights.defaults());

    static Map<Criterion, Integer> scores(int scientific, int technical, int economic, int social, int cultural, int transfer) {
        Map<Criterion, Integer> out = new EnumMap<>(Criterion.class);
        out.put(Criterion.SCIENTIFIC, scientific);
        out.put(Criterion.TECHNICAL, technical);
        out.put(Criterion.ECONOMIC, economic);
        out.put(Criterion.SOCIAL, social);
        out.put(Criterion.CULTURAL, cultural);
        out.put(Criterion.TRANSFER_POTENTIAL, transfer);
        return out;
    }

    @Test
    void workedExampleWithTheDefaultWeightsIs74Point25() {
        // 0.15 x 80 + 0.25 x 77 + 0.25 x 70 + 0.10 x 60 + 0.05 x 50 + 0.20 x 85 = 12 + 19.25 + 17.5 + 6 + 2.5 + 17 = 74.25
        ScorecardResult result = scorecard.score(scores(80, 77, 70, 60, 50, 85));

        assertThat(result.overall()).isEqualTo(d("74.25"));
        assertThat(result.overall().toPlainString()).isEqualTo("74.25");
        assertThat(result.weights()).containsExactlyEntriesOf(ScorecardWeights.defaults().weights());
        assertThat(result.scores().keySet()).containsExactly(Criterion.values());
    }

    @Test
    void overallAlwaysHasTwoDecimals() {
        assertThat(scorecard.score(scores(100, 100, 100, 100, 100, 100)).overall().toPlainString()).isEqualTo("100.00");
        assertThat(scorecard.score(scores(0, 0, 0, 0, 0, 0)).overall().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void dividesByTheSumOfTheWeightsAndRoundsHalfUp() {
        Scorecard equal = new Scorecard(weights("1", "1", "1", "0", "0", "0"));
        // (80 + 77 + 70) / 3 = 75.666... -> 75.67
        assertThat(equal.score(scores(80, 77, 70, 10, 10, 10)).overall()).isEqualTo(d("75.67"));

        Scorecard eighths = new Scorecard(weights("0.125", "0.875", "0", "0", "0", "0"));
        // 0.125 x 1 = 0.125: half-up gives 0.13 (half-even would give 0.12)
        assertThat(eighths.score(scores(1, 0, 0, 0, 0, 0)).overall()).isEqualTo(d("0.13"));
    }

    @Test
    void scoresOutsideZeroToHundredAreInvalidWithTheirField() {
        assertThatThrownBy(() -> scorecard.score(scores(80, 77, 70, 101, 50, 85)))
            .isInstanceOfSatisfying(InvalidScore.class, e -> {
                assertThat(e.code()).isEqualTo("invalid-score");
                assertThat(e.field()).isEqualTo("scores.social");
                assertThat(e.properties()).containsEntry("field", "scores.social");
            });
        assertThatThrownBy(() -> scorecard.score(scores(-1, 77, 70, 60, 50, 85)))
            .isInstanceOfSatisfying(InvalidScore.class, e -> assertThat(e.field()).isEqualTo("scores.scientific"));
    }

    @Test
    void aMissingScoreIsInvalid() {
        Map<Criterion, Integer> given = scores(80, 77, 70, 60, 50, 85);
        given.remove(Criterion.TRANSFER_POTENTIAL);

        assertThatThrownBy(() -> scorecard.score(given))
            .isInstanceOfSatisfying(InvalidScore.class, e -> assertThat(e.field()).isEqualTo("scores.transferPotential"));
    }

    @Test
    void weightsMustBeCompleteNonNegativeAndNotAllZero() {
        assertThatThrownBy(() -> weights("0", "0", "0", "0", "0", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> weights("-0.1", "1", "0", "0", "0", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScorecardWeights(Map.of(Criterion.SCIENTIFIC, BigDecimal.ONE)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void criteriaHaveStableKeys() {
        assertThat(Criterion.ofKey("transferPotential")).isEqualTo(Criterion.TRANSFER_POTENTIAL);
        assertThat(Criterion.SCIENTIFIC.key()).isEqualTo("scientific");
        assertThatThrownBy(() -> Criterion.ofKey("beauty")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScorecardWeights weights(String... w) {
        Map<Criterion, BigDecimal> out = new EnumMap<>(Criterion.class);
        for (int i = 0; i < w.length; i++) out.put(Criterion.values()[i], d(w[i]));
        return new ScorecardWeights(out);
    }
}
