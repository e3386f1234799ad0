package io.ttx.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsccTests {

    /** Check characters computed independently (python3, GB 32100: weights 3^i mod 31, check = (31 - sum mod 31) mod 31). */
    @ParameterizedTest
    @ValueSource(strings = {
        "91350100M000100Y43", // published example
        "12330100202401371E",
        "91110000600037341L",
        "91440300708461136T",
        "11100000000013127D",
        "52330100MJ87654324",
        "Y1330100000000000K",
        "91330106MA2AXY7K11",
        "91330100000000007Y", // check value 30, the last alphabet character
        "913301000000000170"  // sum divisible by 31: check character 0, not 31
    })
    void acceptsCodesWithTheRightCheckCharacter(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @Test
    void computesThePublishedCheckCharacter() {
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(Uscc.checkCharacter("12330100202401371")).isEqualTo('E');
        assertThat(Uscc.checkCharacter("91330100000000007")).isEqualTo('Y');
        assertThat(Uscc.checkCharacter("91330100000000017")).isEqualTo('0');
    }

    @Test
    void rejectsEveryOtherCheckCharacter() {
        String first17 = "91350100M000100Y4";
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            assertThat(Uscc.isValid(first17 + c)).as("check character %s", c).isEqualTo(c == '3');
        }
    }

    @Test
    void rejectsASingleChangedCharacterInTheBody() {
        assertThat(Uscc.isValid("91350100M000100Y53")).isFalse();
        assertThat(Uscc.isValid("92350100M000100Y43")).isFalse();
    }

    @Test
    void rejectsTransposedNeighbours() {
        assertThat(Uscc.isValid("19350100M000100Y43")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9", "91350100M000100Y4", "91350100M000100Y433", "91350100M000100Y43 ", " 91350100M000100Y43"})
    void rejectsWrongLength(String code) {
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void rejectsForbiddenLetters(char letter) {
        // in the body
        String body = "91350100" + letter + "000100Y4";
        for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            assertThat(Uscc.isValid(body + check)).isFalse();
        }
        // as the check character
        assertThat(Uscc.isValid("91350100M000100Y4" + letter)).isFalse();
    }

    @Test
    void rejectsLowerCase() {
        assertThat(Uscc.isValid("91350100m000100y43")).isFalse();
        assertThat(Uscc.isValid("12330100202401371e")).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(Uscc.isValid(null)).isFalse();
    }

    @Test
    void rejectsPunctuationAndFullWidthDigits() {
        assertThat(Uscc.isValid("91350100-000100Y43")).isFalse();
        assertThat(Uscc.isValid("９1350100M000100Y43")).isFalse();
    }
}
