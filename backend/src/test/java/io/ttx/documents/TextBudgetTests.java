package io.ttx.documents;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A listing's document texts are capped all together, in UTF-8 bytes, with the index's newline separators counted. */
class TextBudgetTests {
    @Test
    void textsWithinTheBudgetAreKeptWhole() {
        assertThat(TextBudget.cap(List.of("abc", "de"), 6)).containsExactly("abc", "de");
    }

    @Test
    void theTextCrossingTheBudgetIsCutAndLaterOnesLeftOut() {
        List<String> kept = TextBudget.cap(List.of("a".repeat(600), "b".repeat(600), "c".repeat(600)), 1000);
        assertThat(kept).hasSize(2);
        assertThat(kept.get(1)).isEqualTo("b".repeat(399));
        assertThat(String.join("\n", kept).getBytes(StandardCharsets.UTF_8)).hasSize(1000);
    }

    @Test
    void chineseIsCountedInUtf8AndNeverCutInsideACharacter() {
        String zh = "锂电池健康状态预测".repeat(100); // 900 characters, 2,700 bytes
        List<String> kept = TextBudget.cap(List.of(zh), 1000);
        assertThat(kept.getFirst()).hasSize(333);
        assertThat(kept.getFirst().getBytes(StandardCharsets.UTF_8).length).isEqualTo(999);
        String emoji = "😀".repeat(10); // surrogate pairs, 4 bytes each
        assertThat(TextBudget.cap(List.of(emoji), 10).getFirst()).isEqualTo("😀😀");
    }

    @Test
    void aJoinedListingNeverExceedsTheBudget() {
        List<String> texts = List.of("x".repeat(100), "电".repeat(50), "y", "z".repeat(1000));
        for (int budget = 1; budget < 1400; budget += 7) {
            assertThat(String.join("\n", TextBudget.cap(texts, budget)).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(budget);
        }
    }
}
