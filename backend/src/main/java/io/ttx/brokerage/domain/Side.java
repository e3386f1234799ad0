package io.ttx.brokerage.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who stands behind a signature, a proposal or an acceptance. Only SELLER and BUYER sign and accept; a BROKER may
 * propose a term sheet, which then needs both parties' acceptance.
 */
public enum Side {
    SELLER, BUYER, BROKER;

    /** The two parties whose signatures complete an NDA or a contract. */
    static final Set<Side> PARTIES = Collections.unmodifiableSet(EnumSet.of(SELLER, BUYER));

    /** An unmodifiable copy in declaration order (stable for storage and equality). */
    static Set<Side> copyOf(Collection<Side> sides) {
        EnumSet<Side> copy = EnumSet.noneOf(Side.class);
        copy.addAll(sides);
        return Collections.unmodifiableSet(copy);
    }

    /** {@code sides} plus {@code side}, as a new unmodifiable set. */
    static Set<Side> adding(Set<Side> sides, Side side) {
        EnumSet<Side> copy = EnumSet.noneOf(Side.class);
        copy.addAll(sides);
        copy.add(side);
        return Collections.unmodifiableSet(copy);
    }
}
