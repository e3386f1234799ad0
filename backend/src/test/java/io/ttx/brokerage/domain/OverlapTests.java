package io.ttx.brokerage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fields of use, territories and terms: each overlap rule, both ways round, and its near misses. */
class OverlapTests {

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
        "C39, C39, true",
        "C, C3911, true",
        "C39, C391, true",
        "C391, C3911, true",
        "*, C3911, true",
        "*, *, true",
        "C39, C40, false",
        "C39, C3, true",
        "C39, D39, false",
        "C391, C392, false",
        "A, B, false"
    })
    void fieldsOverlapWhenEqualPrefixedOrAny(String a, String b, boolean overlap) {
        assertThat(FieldsOfUse.overlap(a, b)).isEqualTo(overlap);
        assertThat(FieldsOfUse.overlap(b, a)).isEqualTo(overlap);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"C, true", "C3, true", "C39, true", "C3911, true", "A, true", "T, true", "*, true", "U, false",
        "C39111, false", "c39, false", "'', false", "C-39, false", "39, false", "**, false"})
    void fieldCodesAreSectionsWithUpToFourDigits(String code, boolean valid) {
        assertThat(FieldsOfUse.isValid(code)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
        "110000, 110000, true",
        "CN, CN, true",
        "US, US, true",
        "*, US, true",
        "*, 110105, true",
        "*, CN, true",
        // CN covers every GB/T 2260 code
        "CN, 110105, true",
        "CN, 650000, true",
        // a province covers the codes with its first two digits
        "110000, 110105, true",
        "110000, 110100, true",
        // a prefecture covers the codes with its first four digits
        "320500, 320506, true",
        "110000, 120100, false",
        "320500, 320600, false",
        "320506, 320507, false",
        "320506, 320500, true",
        "CN, US, false",
        "US, 110000, false",
        "HK, 810000, false",
        "JP, US, false"
    })
    void territoriesOverlapWhenOneCoversTheOther(String a, String b, boolean overlap) {
        assertThat(Territories.overlap(a, b)).isEqualTo(overlap);
        assertThat(Territories.overlap(b, a)).isEqualTo(overlap);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({"CN, 110105, true", "110105, CN, false", "110000, 110105, true", "110105, 110000, false",
        "*, CN, true", "CN, *, false"})
    void coverageHasADirection(String a, String b, boolean covers) {
        assertThat(Territories.covers(a, b)).isEqualTo(covers);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"CN, true", "US, true", "110000, true", "110105, true", "*, true", "XX, false", "cn, false",
        "000000, false", "11000, false", "1100000, false", "CHN, false", "'', false"})
    void territoryCodesAreRegionsCountriesOrTheWorld(String code, boolean valid) {
        assertThat(Territories.isValid(code)).isEqualTo(valid);
    }

    @Test
    void listsOverlapWhenAnyPairDoes() {
        assertThat(FieldsOfUse.overlap(List.of("A", "C39"), List.of("B", "C3911"))).isTrue();
        assertThat(FieldsOfUse.overlap(List.of("A", "C39"), List.of("B", "C40"))).isFalse();
        assertThat(Territories.overlap(List.of("US", "310000"), List.of("JP", "310115"))).isTrue();
        assertThat(Territories.overlap(List.of("US", "310000"), List.of("JP", "320000"))).isFalse();
        assertThat(FieldsOfUse.overlap(List.of(), List.of("*"))).isFalse();
    }

    @ParameterizedTest(name = "[{0}, {1}] and [{2}, {3}]: {4}")
    @CsvSource({
        "2025-01-01, 2025-12-31, 2025-06-01, 2026-06-01, true",
        // both ends inclusive: sharing one day is enough
        "2025-01-01, 2025-12-31, 2025-12-31, 2026-12-31, true",
        "2025-01-01, 2025-12-31, 2026-01-01, 2026-12-31, false",
        // an open end runs forever
        "2025-01-01, , 2040-01-01, 2040-12-31, true",
        "2025-01-01, , 2020-01-01, 2024-12-31, false",
        "2025-01-01, , 2030-01-01, , true",
        "2025-01-01, 2030-12-31, 2026-01-01, 2026-01-01, true",
        // an end before the start (a termination before the term began) is empty
        "2025-06-01, 2025-05-31, 2020-01-01, , false"
    })
    void termsIntersectOnACommonDay(LocalDate startA, @Nullable LocalDate endA, LocalDate startB,
            @Nullable LocalDate endB, boolean intersect) {
        assertThat(Terms.intersect(startA, endA, startB, endB)).isEqualTo(intersect);
        assertThat(Terms.intersect(startB, endB, startA, endA)).isEqualTo(intersect);
    }
}
