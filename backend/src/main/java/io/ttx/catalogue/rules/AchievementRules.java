package io.ttx.catalogue.rules;

import io.ttx.catalogue.AchievementInput;
import io.ttx.catalogue.AchievementInput.Contact;
import io.ttx.catalogue.AchievementInput.Encumbrance;
import io.ttx.catalogue.AchievementInput.Inventor;
import io.ttx.catalogue.AchievementInput.Offer;
import io.ttx.catalogue.EncumbranceType;
import io.ttx.catalogue.OwnerType;
import io.ttx.catalogue.RuleViolations;
import io.ttx.catalogue.TransferMode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The business rules of an achievement listing (domain.md section 2): every violation is collected (422 with all
 * offending fields), and a valid record comes back normalised (IPC display form, stripped NFC texts, 2-decimal CNY).
 * Every string and list has its bound ({@link Limits}); a list over its bound is refused before its items are checked.
 */
public final class AchievementRules {
    private static final Pattern INDUSTRY = Pattern.compile("[A-T](\\d{2}|\\d{3}|\\d{4})");
    private static final int INDUSTRY_LENGTH = 5;
    private static final Pattern PHONE = Pattern.compile("[+0-9()\\- ]{5,30}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Shares with more decimals than this are refused without being added up (the sum is then not reported). */
    private static final int MAX_SUMMED_DECIMALS = 10;

    private AchievementRules() { }

    public static AchievementInput check(AchievementInput in, String ownerOrg) {
        Checks c = new Checks();
        c.uscc("ownerOrg", ownerOrg);
        var title = c.text("title", in.title(), Limits.TITLE);
        var summary = c.text("summary", in.summary(), Limits.SUMMARY);
        String problem = c.text("problemSolved", in.problemSolved(), Limits.FREE_TEXT);
        String advantages = c.text("advantages", in.advantages(), Limits.FREE_TEXT);
        String indicators = c.text("technicalIndicators", in.technicalIndicators(), Limits.FREE_TEXT);
        String applications = c.text("applications", in.applications(), Limits.FREE_TEXT);
        String commercial = c.text("commercialAnalysis", in.commercialAnalysis(), Limits.FREE_TEXT);
        List<String> keywords = c.keywords("keywords", in.keywords());
        List<String> ipc = ipcCodes(c, in.ipcCodes());
        String industry = in.industryCode();
        if (industry != null && (industry.length() > INDUSTRY_LENGTH || !INDUSTRY.matcher(industry).matches())) {
            c.fail("industryCode", "invalid-industry-code", "must be a GB/T 4754 code such as C3841");
        }
        c.region("region", in.region());
        if (in.trl() < 1 || in.trl() > 9) c.fail("trl", "invalid-trl", "technology readiness level must be 1 to 9");
        List<Inventor> inventors = inventors(c, in.inventors());
        Contact contact = contact(c, in.contact());
        var patents = Patents.check(c, in.patents());
        boolean open = Boolean.TRUE.equals(in.openLicence());
        var fee = c.money("openLicenceFee", in.openLicenceFee());
        if (fee != null && !open) c.fail("openLicenceFee", "open-licence-fee-without-open-licence", "only an open-licensed achievement declares a fee");
        Offer offer = offer(c, in.offer(), open);
        List<Encumbrance> encumbrances = encumbrances(c, in.encumbrances(), open);
        if (!c.violations().isEmpty()) throw new RuleViolations(c.violations());
        return new AchievementInput(title, summary, problem, advantages, indicators, applications, commercial, keywords,
            in.field(), ipc, industry, in.region(), in.trl(), in.stage(), in.form(),
            in.ownerType() == null ? OwnerType.UNIVERSITY : in.ownerType(), inventors, contact, patents, open, fee, encumbrances, offer);
    }

    private static List<String> ipcCodes(Checks c, List<String> codes) {
        if (codes == null || !c.count("ipcCodes", codes, Limits.IPC_CODES, "too-many-ipc-codes")) return List.of();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String n = Ipc.normalise(codes.get(i));
            if (n == null) c.fail("ipcCodes[" + i + "]", "invalid-ipc", "is not an IPC symbol such as H01M 10/48");
            else if (!out.contains(n)) out.add(n);
        }
        return out;
    }

    private static List<Inventor> inventors(Checks c, List<Inventor> inventors) {
        if (inventors == null || inventors.isEmpty() || !c.count("inventors", inventors, Limits.INVENTORS, "too-many-inventors")) return List.of();
        List<Inventor> out = new ArrayList<>(inventors.size());
        BigDecimal sum = BigDecimal.ZERO;
        boolean huge = false; // a share that cannot be added up safely: no sum is reported
        for (int i = 0; i < inventors.size(); i++) {
            Inventor inv = inventors.get(i);
            String name = c.text("inventors[" + i + "].name", inv.name(), Limits.PERSON_NAME);
            if (name == null && inv.name().isBlank()) c.fail("inventors[" + i + "].name", "missing-name", "an inventor needs a name");
            out.add(new Inventor(name == null ? inv.name() : name, inv.share()));
            BigDecimal share = inv.share();
            String field = "inventors[" + i + "].share";
            // on the number as parsed, before any arithmetic: 1e500000000 is a short token, but adding or printing it
            // would build a number of 500 million digits; precision is bounded by the JSON parser's number length
            if (share.precision() - share.scale() > 3) {
                c.fail(field, "invalid-share", "a share is above 0 and at most 100");
                huge = true;
                continue;
            }
            int decimals = share.stripTrailingZeros().scale();
            if (decimals > 2) c.fail(field, "amount-scale", "a share has at most two decimals");
            if (decimals > MAX_SUMMED_DECIMALS) {
                huge = true; // 1e-500000000 too: adding it would scale the sum to 500 million decimals
                continue;
            }
            if (share.signum() <= 0 || share.compareTo(HUNDRED) > 0) c.fail(field, "invalid-share", "a share is above 0 and at most 100");
            sum = sum.add(share);
        }
        if (!huge && sum.compareTo(HUNDRED) != 0) c.fail("inventors", "inventor-shares-not-100", "inventor shares sum to " + sum.toPlainString() + ", not 100");
        return out;
    }

    private static Contact contact(Checks c, Contact contact) {
        if (contact == null) return null;
        String name = c.text("contact.name", contact.name(), Limits.PERSON_NAME);
        if (contact.email() != null && !Emails.plausible(contact.email())) c.fail("contact.email", "invalid-email", "is not an e-mail address");
        String phone = contact.phone();
        if (phone != null && (phone.length() > Limits.PHONE || !PHONE.matcher(phone).matches())) c.fail("contact.phone", "invalid-phone", "is not a phone number");
        return new Contact(name, contact.email(), phone);
    }

    private static Offer offer(Checks c, Offer offer, boolean openLicence) {
        if (offer == null) return null;
        List<TransferMode> modes = c.modes("offer.transferModes", offer.transferModes());
        if (openLicence && (modes.contains(TransferMode.EXCLUSIVE_LICENCE) || modes.contains(TransferMode.SOLE_LICENCE))) {
            c.fail("offer.transferModes", "open-licence-exclusive", "an open-licensed patent cannot be licensed exclusively or solely");
        }
        return new Offer(modes, offer.tradeMethod(), c.money("offer.askingPrice", offer.askingPrice()),
            c.range("offer.priceRange", offer.priceRange()), c.money("offer.deposit", offer.deposit()));
    }

    private static List<Encumbrance> encumbrances(Checks c, List<Encumbrance> encumbrances, boolean openLicence) {
        if (encumbrances == null || !c.count("encumbrances", encumbrances, Limits.ENCUMBRANCES, "too-many-encumbrances")) return List.of();
        List<Encumbrance> out = new ArrayList<>(encumbrances.size());
        for (int i = 0; i < encumbrances.size(); i++) {
            Encumbrance e = encumbrances.get(i);
            out.add(new Encumbrance(e.type(), c.text("encumbrances[" + i + "].description", e.description(), Limits.ENCUMBRANCE_DESCRIPTION)));
        }
        if (openLicence && out.stream().anyMatch(e -> e.type() == EncumbranceType.EXCLUSIVE_LICENCE || e.type() == EncumbranceType.SOLE_LICENCE)) {
            c.fail("encumbrances", "open-licence-exclusive", "an open-licensed patent cannot carry an exclusive or sole licence");
        }
        return out;
    }
}
