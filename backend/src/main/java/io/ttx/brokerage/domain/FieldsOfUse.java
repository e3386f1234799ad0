package io.ttx.brokerage.domain;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Fields of use as GB/T 4754 industry code prefixes: a section letter A to T, optionally followed by up to four digits
 * (division, group, class: "C", "C39", "C3911"), or "*" for every field. A shorter code covers the longer ones it
 * starts.
 */
public final class FieldsOfUse {
    /** Every field. */
    public static final String ANY = "*";
    private static final Pattern CODE = Pattern.compile("[A-T]\\d{0,4}");

    private FieldsOfUse() {
    }

    public static boolean isValid(String code) {
        return ANY.equals(code) || code.length() <= 5 && CODE.matcher(code).matches();
    }

    /** Two codes overlap when one is "*", they are equal, or one is a prefix of the other ("C" and "C3911"). */
    public static boolean overlap(String a, String b) {
        return ANY.equals(a) || ANY.equals(b) || a.startsWith(b) || b.startsWith(a);
    }

    /** Two lists overlap when any code of one overlaps any code of the other. */
    public static boolean overlap(Collection<String> a, Collection<String> b) {
        return a.stream().anyMatch(x -> b.stream().anyMatch(y -> overlap(x, y)));
    }
}
