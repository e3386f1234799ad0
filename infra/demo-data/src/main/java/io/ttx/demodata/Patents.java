package io.ttx.demodata;

import io.ttx.demodata.DemoAchievement.Patent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chinese patent records that look like the real thing: application numbers of the post-2003 form
 * (year, type 1 = invention / 2 = utility model, 7-digit serial, check digit after the dot), publication numbers
 * CN + 9 digits + kind, and dates in legal order (grant after filing, expiry 20 or 10 years after filing).
 */
final class Patents {
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    private Patents() { }

    /** CNIPA check digit of a 12-digit application number: weighted sum mod 11 (10 is written X). */
    static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (twelveDigits.charAt(i) - '0') * WEIGHTS[i];
        return sum % 11;
    }

    /** A valid application number; serials whose check digit would be X are skipped to keep it numeric. */
    static String applicationNumber(int year, int type, Random rnd) {
        while (true) {
            String digits = String.format("%04d%d%07d", year, type, rnd.nextInt(10_000_000));
            int check = checkDigit(digits);
            if (check < 10) return "CN" + digits + "." + check;
        }
    }

    /**
     * One or two patents. {@code granted}: the first one must be in force (open licences need a granted patent);
     * {@code utilityModel}: the offered thing is a device, so a utility model is plausible.
     */
    static List<Patent> create(Random rnd, boolean granted, boolean utilityModel) {
        List<Patent> out = new ArrayList<>();
        int count = rnd.nextDouble() < 0.3 ? 2 : 1;
        for (int i = 0; i < count; i++) {
            boolean mustGrant = granted && i == 0;
            out.add(utilityModel && rnd.nextDouble() < 0.35 ? utility(rnd, mustGrant) : invention(rnd, mustGrant));
        }
        return out;
    }

    private static Patent invention(Random rnd, boolean mustGrant) {
        if (mustGrant || rnd.nextDouble() < 0.55) {
            int year = 2015 + rnd.nextInt(7);
            LocalDate filing = date(year, rnd);
            LocalDate grant = filing.plusMonths(20 + rnd.nextInt(21)).plusDays(rnd.nextInt(20));
            String status = !mustGrant && rnd.nextDouble() < 0.08 ? "LAPSED" : "GRANTED";
            return new Patent(applicationNumber(year, 1, rnd), publication(104 + (year - 2015) * 3 / 2, rnd, "B"), "B",
                filing, grant, filing.plusYears(20).minusDays(1), status);
        }
        int year = 2021 + rnd.nextInt(4);
        return new Patent(applicationNumber(year, 1, rnd), publication(104 + (year - 2015) * 3 / 2, rnd, "A"), "A",
            date(year, rnd), null, null, "PENDING");
    }

    private static Patent utility(Random rnd, boolean mustGrant) {
        int year = 2016 + rnd.nextInt(9);
        LocalDate filing = date(year, rnd);
        LocalDate grant = filing.plusMonths(5 + rnd.nextInt(6)).plusDays(rnd.nextInt(20));
        String status = !mustGrant && rnd.nextDouble() < 0.08 ? "LAPSED" : "GRANTED";
        return new Patent(applicationNumber(year, 2, rnd), publication(205 + (year - 2016) * 2, rnd, "U"), "U",
            filing, grant, filing.plusYears(10).minusDays(1), status);
    }

    private static String publication(int prefix, Random rnd, String kind) {
        return String.format("CN%03d%06d%s", prefix, rnd.nextInt(1_000_000), kind);
    }

    private static LocalDate date(int year, Random rnd) {
        return LocalDate.of(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    }
}
