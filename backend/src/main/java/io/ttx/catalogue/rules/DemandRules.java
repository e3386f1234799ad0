package io.ttx.catalogue.rules;

import io.ttx.catalogue.DemandInput;
import io.ttx.catalogue.IpOwnership;
import io.ttx.catalogue.RuleViolations;
import io.ttx.catalogue.TransferMode;

import java.time.LocalDate;
import java.util.List;

/** The business rules of a technology demand; a valid demand comes back normalised (stripped NFC texts, bounded lists). */
public final class DemandRules {
    private DemandRules() { }

    public static DemandInput check(DemandInput in, String ownerOrg, LocalDate today) {
        Checks c = new Checks();
        c.uscc("ownerOrg", ownerOrg);
        var title = c.text("title", in.title(), Limits.TITLE);
        var summary = c.text("summary", in.summary(), Limits.SUMMARY);
        List<String> keywords = c.keywords("keywords", in.keywords());
        String indicators = c.text("technicalIndicators", in.technicalIndicators(), Limits.FREE_TEXT);
        String problem = c.text("problemToSolve", in.problemToSolve(), Limits.FREE_TEXT);
        String basis = c.text("currentBasis", in.currentBasis(), Limits.FREE_TEXT);
        if (in.budget() != null && in.budgetRange() != null) {
            c.fail("budgetRange", "budget-and-range", "give either a budget or a budget range, not both");
        }
        var budget = c.money("budget", in.budget());
        var range = c.range("budgetRange", in.budgetRange());
        c.region("region", in.region());
        if (in.validUntil() != null && !in.validUntil().isAfter(today)) {
            c.fail("validUntil", "inconsistent-dates", "the demand must stand until a future date");
        }
        if (in.expectedDelivery() != null && in.validUntil() != null && in.expectedDelivery().isBefore(today)) {
            c.fail("expectedDelivery", "inconsistent-dates", "expected delivery is in the past");
        }
        List<TransferMode> modes = c.modes("cooperationModes", in.cooperationModes());
        if (!c.violations().isEmpty()) throw new RuleViolations(c.violations());
        return new DemandInput(title, summary, in.field(), keywords, indicators, problem, basis, budget, range, modes, in.region(),
            in.validUntil(), in.expectedDelivery(), in.ipOwnership() == null ? IpOwnership.NEGOTIABLE : in.ipOwnership(),
            Boolean.TRUE.equals(in.voucherEligible()));
    }
}
