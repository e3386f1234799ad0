package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/**
 * Provinces as GB/T 2260 codes ending in {@code 0000} (the 34 provincial-level divisions). A caller's {@code region}
 * claim counts as its province: the first two digits of any GB/T 2260 code.
 */
public final class Provinces {
    /** In a programme's accepted provider regions: every province. */
    public static final String ANY = "*";
    private static final Set<String> PREFIXES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
        "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private Provinces() { }

    public static boolean isProvince(@Nullable String code) {
        return code != null && code.length() == 6 && code.endsWith("0000") && PREFIXES.contains(code.substring(0, 2));
    }

    /** The province of a region code (six digits of a known province), or null when it names none. */
    public static @Nullable String of(@Nullable String region) {
        if (region == null || region.length() != 6 || !region.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        String province = region.substring(0, 2) + "0000";
        return isProvince(province) ? province : null;
    }
}
