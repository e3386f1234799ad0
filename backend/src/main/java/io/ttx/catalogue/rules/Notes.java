package io.ttx.catalogue.rules;

import io.ttx.catalogue.RuleViolations;
import org.jspecify.annotations.Nullable;

/**
 * The note of a lifecycle step or a review decision (kept in the trail): at most {@link Limits#NOTE} characters,
 * stored as stripped NFC text (null when blank); longer is 422 {@code text-too-long} on {@code note}, before the step
 * reads anything.
 */
public final class Notes {
    private Notes() { }

    public static @Nullable String check(@Nullable String note) {
        Checks c = new Checks();
        String checked = c.text("note", note, Limits.NOTE);
        if (!c.violations().isEmpty()) throw new RuleViolations(c.violations());
        return checked;
    }
}
