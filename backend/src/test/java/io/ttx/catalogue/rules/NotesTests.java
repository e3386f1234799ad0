package io.ttx.catalogue.rules;

import io.ttx.catalogue.RuleViolations;
import io.ttx.catalogue.RuleViolations.Violation;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class NotesTests {

    @Test
    void keepsNotesOfAtMost2000CharactersStrippedAndNfcNormalised() {
        assertThat(Notes.check("批".repeat(2000))).hasSize(2000);
        assertThat(Notes.check("  looks fine\u0301 ")).isEqualTo("looks fin\u00e9");
        assertThat(Notes.check("  ")).isNull();
        assertThat(Notes.check(null)).isNull();
    }

    @Test
    void refusesLongerNotesAsTextTooLong() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (String note : new String[] {"批".repeat(2001), "n".repeat(1_000_000)}) {
                RuleViolations e = catchThrowableOfType(RuleViolations.class, () -> Notes.check(note));
                assertThat(e.code()).isEqualTo("text-too-long");
                assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(tuple("note", "text-too-long"));
            }
        });
    }
}
