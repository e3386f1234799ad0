package io.ttx.catalogue.rules;

import io.ttx.catalogue.AchievementInput.CoOwner;
import io.ttx.catalogue.AchievementInput.Patent;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** Patent records: WIPO ST.3 office codes, ST.16 kind codes, dates in legal order, co-owners' credit codes. */
final class Patents {
    private static final Pattern OFFICE = Pattern.compile("[A-Z]{2}");
    private static final Pattern KIND = Pattern.compile("[A-Z]\\d?");

    private Patents() { }

    static List<Patent> check(Checks c, List<Patent> patents) {
        if (patents == null) return List.of();
        for (int i = 0; i < patents.size(); i++) {
            Patent p = patents.get(i);
            String at = "patents[" + i + "]";
            if (!OFFICE.matcher(p.office()).matches()) c.fail(at + ".office", "invalid-patent-office", "must be a two-letter WIPO ST.3 code such as CN");
            if (p.applicationNumber().isBlank()) c.fail(at + ".applicationNumber", "missing-application-number", "is required");
            if (p.kind() != null && !KIND.matcher(p.kind()).matches()) c.fail(at + ".kind", "invalid-kind-code", "must be a WIPO ST.16 kind code such as A, B, U or S");
            dates(c, at, p);
            List<CoOwner> owners = p.coOwners() == null ? List.of() : p.coOwners();
            for (int j = 0; j < owners.size(); j++) c.uscc(at + ".coOwners[" + j + "].uscc", owners.get(j).uscc());
        }
        return patents;
    }

    private static void dates(Checks c, String at, Patent p) {
        if (p.priorityDate() != null && p.filingDate() != null && p.priorityDate().isAfter(p.filingDate())) c.fail(at + ".priorityDate", "inconsistent-dates", "priority date is after the filing date");
        if (p.grantDate() != null && !before(p.filingDate(), p.grantDate())) {
            c.fail(at + ".grantDate", "inconsistent-dates", "grant date must be after the filing date");
        }
        if (p.expiryDate() != null && (!before(p.grantDate(), p.expiryDate()) || !before(p.filingDate(), p.expiryDate()))) {
            c.fail(at + ".expiryDate", "inconsistent-dates", "expiry date must be after the grant and filing dates");
        }
    }

    /** True when {@code earlier} is strictly before {@code later}, or either is unknown. */
    private static boolean before(LocalDate earlier, LocalDate later) {
        return earlier == null || later == null || earlier.isBefore(later);
    }
}
