package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.DealCodes.INVALID_TERM;
import static io.ttx.brokerage.domain.DealCodes.INVALID_TERM_SHEET;
import static io.ttx.brokerage.domain.DealCodes.INVALID_TIERS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The business rules of a term sheet, in the order reported: list sizes and codes, the term, amounts and milestones,
 * then royalty tiers, minimum royalty and equity. The first broken rule is reported with the field in the detail.
 */
final class TermSheetRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TermSheetRules() {
    }

    static void check(TermSheet sheet) {
        codes(sheet.fieldOfUse(), "fieldOfUse", FieldsOfUse::isValid);
        codes(sheet.territory(), "territory", Territories::isValid);
        term(sheet.termStart(), sheet.termEnd());
        amount(sheet.upfront(), "upfront");
        milestones(sheet.milestones());
        tiers(sheet.royaltyTiers());
        Long minimum = sheet.minimumAnnualRoyalty();
        if (minimum != null) {
            amount(minimum, "minimumAnnualRoyalty");
        }
        BigDecimal equity = sheet.equityPercent();
        if (equity != null) {
            between(equity, HUNDRED, "equityPercent");
        }
    }

    private static void codes(List<String> codes, String field, Predicate<String> valid) {
        if (codes.isEmpty() || codes.size() > DealLimits.CODES) {
            throw invalid(field, "must have 1 to " + DealLimits.CODES + " entries");
        }
        for (int i = 0; i < codes.size(); i++) {
            if (!valid.test(codes.get(i))) {
                throw invalid(field + "[" + i + "]", "is not a valid code");
            }
        }
    }

    private static void term(LocalDate start, @Nullable LocalDate end) {
        if (!DealLimits.isInYears(start) || end != null && !DealLimits.isInYears(end)) {
            throw Refusal.unprocessable(INVALID_TERM, "the term must lie in the years " + DealLimits.FIRST_YEAR
                    + " to " + DealLimits.LAST_YEAR);
        }
        if (end != null && end.isBefore(start)) {
            throw Refusal.unprocessable(INVALID_TERM, "termEnd must not be before termStart");
        }
    }

    private static void milestones(List<Milestone> milestones) {
        if (milestones.size() > DealLimits.MILESTONES) {
            throw invalid("milestones", "must have at most " + DealLimits.MILESTONES + " entries");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            String field = "milestones[" + i + "]";
            String name = m.name();
            if (name.isBlank() || name.codePointCount(0, name.length()) > DealLimits.MILESTONE_NAME) {
                throw invalid(field + ".name", "must have 1 to " + DealLimits.MILESTONE_NAME + " characters");
            }
            if (!names.add(name)) {
                throw invalid(field + ".name", "repeats another milestone's name");
            }
            amount(m.amount(), field + ".amount");
            if (!DealLimits.isInYears(m.dueOn())) {
                throw invalid(field + ".dueOn", "must lie in the years " + DealLimits.FIRST_YEAR + " to "
                        + DealLimits.LAST_YEAR);
            }
        }
    }

    private static void tiers(List<RoyaltyTier> tiers) {
        if (tiers.size() > DealLimits.ROYALTY_TIERS) {
            throw invalid("royaltyTiers", "must have at most " + DealLimits.ROYALTY_TIERS + " entries");
        }
        long previous = 0;
        for (int i = 0; i < tiers.size(); i++) {
            RoyaltyTier tier = tiers.get(i);
            String field = "royaltyTiers[" + i + "]";
            between(tier.rate(), BigDecimal.ONE, field + ".rate");
            Long upTo = tier.upTo();
            if (upTo == null) {
                if (i != tiers.size() - 1) {
                    throw Refusal.unprocessable(INVALID_TIERS, field + ".upTo: only the last tier may be unbounded");
                }
                continue;
            }
            amount(upTo, field + ".upTo");
            if (upTo <= previous) {
                throw Refusal.unprocessable(INVALID_TIERS, field + ".upTo: tiers must be strictly ascending from 0");
            }
            previous = upTo;
        }
    }

    /** 0 <= value <= max, with at most {@link DealLimits#MAX_SCALE} decimal places. */
    private static void between(BigDecimal value, BigDecimal max, String field) {
        if (value.signum() < 0 || value.compareTo(max) > 0 || value.scale() > DealLimits.MAX_SCALE) {
            throw invalid(field, "must be between 0 and " + max + " with at most " + DealLimits.MAX_SCALE
                    + " decimal places");
        }
    }

    static void amount(long fen, String field) {
        if (!DealLimits.isAmount(fen)) {
            throw invalid(field, "must be between 0 and " + DealLimits.MAX_AMOUNT + " fen");
        }
    }

    private static Refusal invalid(String field, String message) {
        return Refusal.unprocessable(INVALID_TERM_SHEET, field + ": " + message);
    }
}
