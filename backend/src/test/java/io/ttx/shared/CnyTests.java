package io.ttx.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CnyTests {

    @ParameterizedTest(name = "{0} yuan = {1} fen = {2}")
    @CsvSource({
        "0,                 0,                   0.00",
        "0.01,              1,                   0.01",
        "1,                 100,                 1.00",
        "1.5,               150,                 1.50",
        "1200000,           120000000,           1200000.00",
        "1200000.00,        120000000,           1200000.00",
        "1234567.89,        123456789,           1234567.89",
        "9999999999999.99,  999999999999999,     9999999999999.99",
        "999999999999999.99, 99999999999999999,  999999999999999.99"
    })
    void roundTripsThroughFen(String text, long fen, String formatted) {
        BigDecimal yuan = Cny.parse(text);
        assertThat(yuan).isNotNull();
        assertThat(Cny.toFen(yuan)).isEqualTo(fen);
        assertThat(Cny.format(fen)).isEqualTo(formatted);
        assertThat(Cny.parse(Cny.format(fen))).isEqualByComparingTo(yuan);
    }

    @Test
    void formatsFenWithTwoDecimals() {
        assertThat(Cny.format(123456789)).isEqualTo("1234567.89");
        assertThat(Cny.format(5)).isEqualTo("0.05");
        assertThat(Cny.format(0)).isEqualTo("0.00");
        assertThat(Cny.format(-150)).isEqualTo("-1.50");
    }

    @Test
    void keepsLargeAmountsExact() {
        BigDecimal yuan = Cny.parse("9999999999999.99");
        assertThat(yuan).isEqualTo(new BigDecimal("9999999999999.99"));
        assertThat(Cny.toFen(yuan)).isEqualTo(999_999_999_999_999L);
        assertThat(Cny.format(999_999_999_999_999L)).isEqualTo("9999999999999.99");
        assertThat(Cny.toFen(Cny.parse("9999999999999.98")) + 1).isEqualTo(Cny.toFen(yuan));
    }

    @Test
    void parsesNegativeAmountsForTheRulesToReject() {
        assertThat(Cny.parse("-1.00")).isEqualByComparingTo("-1");
    }

    @Test
    void refusesFenBeyondTheCentInToFen() {
        assertThatThrownBy(() -> Cny.toFen(new BigDecimal("1.001"))).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,000", "1e5", "1E5", "", " ", "  1", "1 ", "+1", ".5", "1.", "abc", "¥100", "1 000",
        "1234567890123456", "0x10", "NaN", "Infinity", "１００"})
    void rejectsWhatIsNotAPlainDecimal(String text) {
        assertThat(Cny.parse(text)).isNull();
    }

    /** "1." and 200,000 zeros matched the old pattern; stripping its trailing zeros took half a minute. */
    @Test
    void refusesLongFractionsOnTheTokenBeforeAnyArithmetic() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertThat(Cny.parse("1." + "0".repeat(200_000))).isNull();
            assertThat(Cny.parse("1" + "0".repeat(200_000))).isNull();
        });
        assertThat(Cny.parse("1." + "0".repeat(15))).isEqualByComparingTo("1");
        assertThat(Cny.parse("-123456789012345.123456789012345")).isNotNull();
        assertThat(Cny.parse("1." + "0".repeat(16))).isNull();
    }

    @Test
    void rejectsNull() {
        assertThat(Cny.parse(null)).isNull();
    }
}
