package io.ttx.shared.web;

import io.ttx.shared.MalformedInput;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** The Idempotency-Key header of the routes that require one: 1 to {@value #MAX} visible ASCII characters (400 otherwise). */
public final class IdempotencyKeys {
    public static final int MAX = 200;

    private IdempotencyKeys() { }

    /** The key; 400 naming the header when it is missing or malformed ({@code what}: "each bid", "each redemption"). */
    public static String required(@Nullable String key, String what) {
        if (key == null || key.isEmpty()) throw invalid("required", "send an Idempotency-Key header with " + what);
        if (key.length() > MAX || !key.chars().allMatch(c -> c > 32 && c < 127)) throw invalid("invalid", "1 to " + MAX + " visible ASCII characters");
        return key;
    }

    private static MalformedInput invalid(String code, String message) {
        return new MalformedInput(List.of(FieldErrors.of("Idempotency-Key", code, message)));
    }
}
