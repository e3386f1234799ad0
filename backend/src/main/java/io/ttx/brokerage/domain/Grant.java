package io.ttx.brokerage.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Rights over an achievement that a contract gives or would give, for the exclusivity check: the mode, fields of use,
 * territories and term. {@code reference} tells the caller where the grant comes from (a deal id, an encumbrance).
 */
public record Grant(String reference, TransferMode mode, List<String> fieldOfUse, List<String> territory,
        LocalDate termStart, @Nullable LocalDate termEnd) {

    public Grant {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(mode, "mode");
        fieldOfUse = List.copyOf(fieldOfUse);
        territory = List.copyOf(territory);
        Objects.requireNonNull(termStart, "termStart");
    }

    /**
     * The grant of a term sheet; a termination cuts the term at its effective day (a termination before the start
     * leaves an empty term, which overlaps nothing).
     */
    public static Grant of(String reference, TermSheet terms, @Nullable LocalDate terminatedOn) {
        LocalDate end = terms.termEnd();
        if (terminatedOn != null && (end == null || terminatedOn.isBefore(end))) {
            end = terminatedOn;
        }
        return new Grant(reference, terms.transferMode(), terms.fieldOfUse(), terms.territory(), terms.termStart(),
                end);
    }

    /** The grant of a deal's agreed terms (reference: the deal id), cut by its termination; empty before agreement. */
    public static Optional<Grant> of(Deal deal) {
        TermSheet terms = deal.agreedTerms();
        return terms == null ? Optional.empty() : Optional.of(of(deal.id().value(), terms, deal.terminatedOn()));
    }

    /**
     * An exclusive or sole licence the listing declares among its encumbrances: counted as signed over every field,
     * the whole world and all time, since the listing does not say more.
     */
    public static Grant encumbrance(String reference, TransferMode mode) {
        if (!mode.isExclusive()) {
            throw new IllegalArgumentException("only exclusive and sole licences are counted as encumbrances");
        }
        return new Grant(reference, mode, List.of(FieldsOfUse.ANY), List.of(Territories.ANY), LocalDate.MIN, null);
    }

    /** Same fields, territories and days: whether the two grants cover some common ground. */
    public boolean overlaps(Grant other) {
        return FieldsOfUse.overlap(fieldOfUse, other.fieldOfUse) && Territories.overlap(territory, other.territory)
                && Terms.intersect(termStart, termEnd, other.termStart, other.termEnd);
    }
}
