package io.ttx.catalogue.rules;

import io.ttx.catalogue.AchievementInput.CoOwner;
import io.ttx.catalogue.AchievementInput.Patent;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Patent records: WIPO ST.3 office codes, ST.16 kind codes, dates in legal order, co-owners' credit codes; numbers and
 * names stored as stripped NFC text, lists bounded before their items are checked ({@link Limits}).
 */
final class Patents {
    private static final Pattern OFFICE = Pattern.compile("[A-Z]{2}");
    private static final Pattern KIND = Pattern.compile("[A-Z]\\d?");

    private Patents() { }

    static List<Patent> check(Checks c, List<Patent> patents) {
        if (patents == null || !c.count("patents", patents, Limits.PATENTS, "too-many-patents")) return List.of();
        List<Patent> out = new ArrayList<>(patents.size());
        for (int i = 0; i < patents.size(); i++) {
            Patent p = patents.get(i);
            String at = "patents[" + i + "]";
            if (p.office().length() != 2 || !OFFICE.matcher(p.office()).matches()) {
                c.fail(at + ".office", "invalid-patent-office", "must be a two-letter WIPO ST.3 code such as CN");
            }
            String number = c.text(at + ".applicationNumber", p.applicationNumber(), Limits.PATENT_NUMBER);
            if (number == null && p.applicationNumber().isBlank()) c.fail(at + ".applicationNumber", "missing-application-number", "is required");
            String publication = c.text(at + ".publicationNumber", p.publicationNumber(), Limits.PATENT_NUMBER);
            if (p.kind() != null && (p.kind().length() > 2 || !KIND.matcher(p.kind()).matches())) {
                c.fail(at + ".kind", "invalid-kind-code", "must be a WIPO ST.16 kind code such as A, B, U or S");
            }
            dates(c, at, p);
            out.add(new Patent(p.office(), number == null ? p.applicationNumber() : number, publication, p.kind(), p.filingDate(),
                p.priorityDate(), p.grantDate(), p.expiryDate(), p.legalStatus(), coOwners(c, at, p.coOwners())));
        }
        return out;
    }

    private static @Nullable List<CoOwner> coOwners(Checks c, String at, @Nullable List<CoOwner> owners) {
        if (owners == null || !c.count(at + ".coOwners", owners, Limits.CO_OWNERS, "too-many-co-owners")) return owners == null ? null : List.of();
        List<CoOwner> out = new ArrayList<>(owners.size());
        for (int j = 0; j < owners.size(); j++) {
            CoOwner o = owners.get(j);
            String name = c.text(at + ".coOwners[" + j + "].name", o.name(), Limits.ORGANISATION_NAME);
            c.uscc(at + ".coOwners[" + j + "].uscc", o.uscc());
            out.add(new CoOwner(name == null ? o.name() : name, o.uscc()));
        }
        return out;
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
