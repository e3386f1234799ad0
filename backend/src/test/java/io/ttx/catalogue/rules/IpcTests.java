package io.ttx.catalogue.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpcTests {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "H01M10/48        | H01M 10/48",
        "h01m 10/48       | H01M 10/48",
        "H01M 0010/48     | H01M 10/48",
        "h01m 10 / 48     | H01M 10/48",
        "'  H01M 10/48  ' | H01M 10/48",
        "H 01 M 10/48     | H01M 10/48",
        "A61K 31/495      | A61K 31/495",
        "G06N3/08         | G06N 3/08",
        "g06n 0003/08     | G06N 3/08",
        "C12N 15/113      | C12N 15/113",
        "B65D 1/00        | B65D 1/00",
        "F16H 1234/123456 | F16H 1234/123456"
    })
    void normalisesCommonSpellingsToTheDisplayForm(String text, String expected) {
        assertThat(Ipc.normalise(text)).isEqualTo(expected);
    }

    @Test
    void normalisesCompactSpelling() {
        assertThat(Ipc.normalise("H01M10/48")).isEqualTo("H01M 10/48");
    }

    @Test
    void normalisingIsIdempotent() {
        String once = Ipc.normalise("h01m 0010 / 48");
        assertThat(once).isEqualTo("H01M 10/48");
        assertThat(Ipc.normalise(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I01M 10/48",      // no section I
        "Z01M 10/48",      // sections are A-H only
        "H01M 10",         // missing subgroup
        "H01M 10/",        // empty subgroup
        "H01M 10/4",       // one-digit subgroup
        "H01M 10/1234567", // seven-digit subgroup
        "H01M 1A/48",      // letters in the main group
        "H01M AB/48",
        "H01M 12345/48",   // five-digit main group
        "H1M 10/48",       // one-digit class
        "H01 10/48",       // no subclass
        "H01M",            // subclass only
        "H01M-10/48",
        "",
        "   "
    })
    void rejectsWhatIsNotAnIpcSymbol(String text) {
        assertThat(Ipc.normalise(text)).isNull();
    }

    @Test
    void rejectsNull() {
        assertThat(Ipc.normalise(null)).isNull();
    }

    @Test
    void givesTheSectionLetter() {
        assertThat(Ipc.section("H01M 10/48")).isEqualTo("H");
        assertThat(Ipc.section("A61K 31/495")).isEqualTo("A");
        assertThat(Ipc.section(Ipc.normalise("g06n3/08"))).isEqualTo("G");
    }
}
