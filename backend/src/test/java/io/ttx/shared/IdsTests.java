package io.ttx.shared;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {
    private static final Instant NOW = Instant.parse("2025-06-01T08:30:00.123Z");

    @Test
    void startsWithThePrefixAndAnUnderscore() {
        assertThat(Ids.next("ach", NOW)).startsWith("ach_");
        assertThat(Ids.next("dem", NOW)).startsWith("dem_");
    }

    @Test
    void hasTwentyCharactersAfterThePrefix() {
        assertThat(Ids.next("ach", NOW)).hasSize("ach_".length() + 20);
        assertThat(Ids.next("x", NOW)).hasSize(22);
    }

    @Test
    void usesOnlyLowerCaseCrockfordBase32() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Ids.next("ach", NOW).substring(4)).matches("[0-9a-hjkmnp-tv-z]{20}");
        }
    }

    @Test
    void encodesTheMillisecondInTheFirstTenCharacters() {
        String a = Ids.next("ach", NOW);
        String b = Ids.next("ach", NOW);
        assertThat(a.substring(0, 14)).isEqualTo(b.substring(0, 14));
        assertThat(Ids.next("ach", NOW.plusMillis(1)).substring(0, 14)).isNotEqualTo(a.substring(0, 14));
        assertThat(Ids.next("ach", Instant.EPOCH).substring(4, 14)).isEqualTo("0000000000");
    }

    @Test
    void sortsInCreationOrderAsStrings() {
        List<Instant> instants = List.of(Instant.EPOCH, Instant.parse("1999-12-31T23:59:59.999Z"),
            Instant.parse("2000-01-01T00:00:00Z"), NOW.minusMillis(1), NOW, NOW.plusMillis(1), NOW.plusMillis(31),
            NOW.plusMillis(32), NOW.plusSeconds(86_400), Instant.parse("2100-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999Z"));
        List<String> ids = new ArrayList<>();
        for (Instant i : instants) ids.add(Ids.next("ach", i));
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i - 1)).as("%s before %s", instants.get(i - 1), instants.get(i)).isLessThan(ids.get(i));
        }
    }

    @Test
    void sortsEveryConsecutiveMillisecondInOrder() {
        String previous = Ids.next("ach", NOW);
        for (int ms = 1; ms <= 2000; ms++) {
            String next = Ids.next("ach", NOW.plusMillis(ms));
            assertThat(previous).isLessThan(next);
            previous = next;
        }
    }

    @Test
    void isUniqueOverTenThousandIdsAtTheSameInstant() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) seen.add(Ids.next("ach", NOW));
        assertThat(seen).hasSize(10_000);
    }
}
