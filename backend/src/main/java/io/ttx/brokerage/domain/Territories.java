package io.ttx.brokerage.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Territories: GB/T 2260 administrative division codes (6 digits), ISO 3166 alpha-2 country codes, or "*" for the
 * world. "CN" covers every GB/T 2260 code; a province code (ending in 0000) covers the codes sharing its first two
 * digits, a prefecture code (ending in 00) those sharing its first four. ISO codes other than CN cover only
 * themselves: "HK" and 810000 are different codes here, as they are in the standards.
 */
public final class Territories {
    /** The world. */
    public static final String ANY = "*";
    /** China, which covers every GB/T 2260 code. */
    public static final String CHINA = "CN";
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Territories() {
    }

    public static boolean isValid(String code) {
        return ANY.equals(code) || COUNTRIES.contains(code) || isRegion(code) && !code.equals("000000");
    }

    /** Two codes overlap when either covers the other. */
    public static boolean overlap(String a, String b) {
        return covers(a, b) || covers(b, a);
    }

    /** Two lists overlap when any code of one overlaps any code of the other. */
    public static boolean overlap(Collection<String> a, Collection<String> b) {
        return a.stream().anyMatch(x -> b.stream().anyMatch(y -> overlap(x, y)));
    }

    /** Whether territory {@code a} includes territory {@code b}. */
    public static boolean covers(String a, String b) {
        if (a.equals(b) || ANY.equals(a)) {
            return true;
        }
        if (!isRegion(b)) {
            return false;
        }
        if (CHINA.equals(a)) {
            return true;
        }
        if (!isRegion(a)) {
            return false;
        }
        if (a.endsWith("0000")) {
            return a.regionMatches(0, b, 0, 2);
        }
        return a.endsWith("00") && a.regionMatches(0, b, 0, 4);
    }

    private static boolean isRegion(String code) {
        return code.length() == 6 && REGION.matcher(code).matches();
    }
}
