package io.ttx.devidp;

/**
 * Unified social credit codes (GB 32100-2015) for demo organisations: registration authority and category,
 * a GB/T 2260 region, a GB 11714 organisation code with its own check character, then the GB 32100 check character.
 */
final class Uscc {
    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private Uscc() { }

    /** @param kind two characters, e.g. "12" (public institution) or "91" (enterprise); body: 8 digits */
    static String of(String kind, String region, String body) {
        String org = body + orgCheck(body);
        String first17 = kind + region + org;
        return first17 + check(first17);
    }

    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        return CHARS.charAt((31 - sum % 31) % 31);
    }

    private static char orgCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += Character.digit(body.charAt(i), 36) * ORG_WEIGHTS[i];
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }
}
