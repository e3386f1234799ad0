package io.ttx.brokerage.domain;

import java.util.Collection;
import java.util.List;

/**
 * Which signed grants a new grant would collide with; the caller collects the signed grants of the achievement (deals
 * from CONTRACT_SIGNED on, terminated ones cut by {@link Grant#of(Deal)}, plus {@link Grant#encumbrance}s) and turns a
 * non-empty answer into 409 exclusivity-conflict. Joint development and technical service grant nothing and never
 * collide. Otherwise a candidate conflicts with a signed grant when
 * <ul>
 * <li>the signed grant is an assignment or equity and their terms intersect: the seller no longer holds the right, in
 * any field or territory;</li>
 * <li>they overlap (field, territory and term) and either is an exclusive or sole licence.</li>
 * </ul>
 * So ordinary licences coexist, and a new assignment is free of signed ordinary licences (they survive a transfer).
 */
public final class Exclusivity {

    private Exclusivity() {
    }

    /** The signed grants the candidate conflicts with, in the given order; empty when it may be granted. */
    public static List<Grant> conflicts(Grant candidate, Collection<Grant> signed) {
        return signed.stream().filter(s -> conflict(candidate, s)).toList();
    }

    static boolean conflict(Grant candidate, Grant signed) {
        if (!candidate.mode().grantsRights() || !signed.mode().grantsRights()) {
            return false;
        }
        if (signed.mode().transfersOwnership()) {
            return Terms.intersect(candidate.termStart(), candidate.termEnd(), signed.termStart(), signed.termEnd());
        }
        return (signed.mode().isExclusive() || candidate.mode().isExclusive()) && candidate.overlaps(signed);
    }
}
