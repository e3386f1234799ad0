package io.ttx.shared;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TextsTests {
    private static final String COMPOSED = "caf\u00e9";
    private static final String DECOMPOSED = "cafe\u0301";

    @Test
    void storesTextStrippedAndNfcNormalised() {
        assertThat(COMPOSED).isNotEqualTo(DECOMPOSED);
        assertThat(Texts.check("  " + DECOMPOSED + "\n", 10).text()).isEqualTo(COMPOSED);
        assertThat(Texts.check(COMPOSED, 10).text()).isEqualTo(COMPOSED);
        assertThat(Texts.nfc(DECOMPOSED)).isEqualTo(COMPOSED);
        assertThat(Texts.nfc(null)).isNull();
    }

    @Test
    void treatsBlankAsAbsent() {
        assertThat(Texts.check(null, 10)).isEqualTo(new Texts.Checked(null, false));
        assertThat(Texts.check(" \t\n", 10)).isEqualTo(new Texts.Checked(null, false));
    }

    @Test
    void countsCodePointsOfTheNormalisedForm() {
        assertThat(Texts.check(DECOMPOSED.repeat(50), 200).tooLong()).isFalse(); // 250 code points sent, 200 stored
        assertThat(Texts.check("\uD840\uDC00".repeat(200), 200).tooLong()).isFalse(); // 400 chars, 200 code points
        assertThat(Texts.check("x".repeat(201), 200).tooLong()).isTrue();
        assertThat(Texts.check("x".repeat(200), 200).tooLong()).isFalse();
    }

    /** U+1F82 is four code points decomposed: the raw-length guard must never refuse what fits once composed. */
    @Test
    void neverRefusesOnTheRawLengthWhatFitsOnceNormalised() {
        String longestComposition = Normalizer.normalize("\u1F82", Normalizer.Form.NFD);
        assertThat(longestComposition.codePointCount(0, longestComposition.length())).isEqualTo(4);
        Texts.Checked c = Texts.check(longestComposition.repeat(100), 100);
        assertThat(c.tooLong()).isFalse();
        assertThat(c.text()).isEqualTo("\u1F82".repeat(100));
    }

    @Test
    void refusesAnOversizedTextWithoutNormalisingIt() {
        String huge = "e\u0301".repeat(500_000);
        assertTimeoutPreemptively(Duration.ofMillis(200), () -> {
            Texts.Checked c = Texts.check(huge, 4000);
            assertThat(c.tooLong()).isTrue();
            assertThat(c.text()).isNull();
        });
    }
}
