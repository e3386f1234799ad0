package io.ttx.shared.web;

import io.ttx.shared.MalformedInput;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorsTests {
    private static final String ID = "ach_01jvz8k3m2q7r4t6w8y0";

    @Test
    void anIdCursorIsOpaqueUrlSafeAndGivesTheIdBack() {
        String cursor = Cursors.ofId(ID);
        assertThat(cursor).doesNotContain(ID).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.id(cursor)).isEqualTo(ID);
        assertThat(Cursors.ofId(null)).isNull();
        assertThat(Cursors.id(null)).isNull();
        assertThat(Cursors.id("")).isNull();
        assertThat(Cursors.id(Cursors.ofId("deal_01jw0a1b2c3d4e5f6g7h"))).isEqualTo("deal_01jw0a1b2c3d4e5f6g7h");
    }

    @Test
    void aSortValuesCursorGivesTheTypedValuesBack() {
        List<Object> values = Arrays.asList(7.125, 1764000000000L, "ach_01jvz8k3m2q7r4t6w8y0", null, "with\u00e9 space");
        assertThat(Cursors.values(Cursors.ofValues(values))).containsExactlyElementsOf(values);
    }

    @Test
    void anythingTheApiDidNotIssueForThatListIsAnInvalidCursor() {
        String sortCursor = Cursors.ofValues(List.of(1L, "x"));
        String notAnId = Base64.getUrlEncoder().withoutPadding().encodeToString("inot-an-id".getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of("!!!", "%%", "$where", ID, sortCursor, notAnId)) {
            assertInvalid(() -> Cursors.id(bad));
        }
        for (String bad : List.of("!!!", "", Cursors.ofId(ID), "eHl6", "bGFi")) {
            assertInvalid(() -> Cursors.values(bad));
        }
    }

    /** A well-formed token longer than any cursor issued (500 empty sort values) is refused before it is decoded. */
    @Test
    void aTokenLongerThan512CharactersIsAnInvalidCursor() {
        String longValues = Cursors.ofValues(Collections.nCopies(500, "s"));
        assertThat(longValues.length()).isGreaterThan(Cursors.MAX_LENGTH);
        assertInvalid(() -> Cursors.values(longValues));
        assertThat(Cursors.values(Cursors.ofValues(List.of(3.5, 1764000000000L, ID)))).hasSize(3);
    }

    @SuppressWarnings("unchecked")
    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MalformedInput.class, e -> {
            assertThat(e.code()).isEqualTo("validation-failed");
            assertThat((List<Map<String, String>>) e.properties().get("errors"))
                .containsExactly(Map.of("field", "cursor", "code", "invalid-cursor", "message", "is not a cursor this API issued"));
        });
    }
}
