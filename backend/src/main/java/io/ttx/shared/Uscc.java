package io.ttx.shared;

import org.jspecify.annotations.Nullable;

import java.util.regex.Pattern;

/**
 * China's unified social credit code (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z),
 * the last being a check character over the first 17 (weights 3^i mod 31).
 */
public final class Uscc {
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private Uscc() { }

    public static boolean isValid(@Nullable String code) {
        if (code == null || code.length() != 18 || !SHAPE.matcher(code).matches()) return false;
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        return CHARS.charAt((31 - sum % 31) % 31);
    }
}
