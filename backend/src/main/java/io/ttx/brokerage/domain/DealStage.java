package io.ttx.brokerage.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a deal stands. The first eight stages are the main path in this order; WITHDRAWN, REJECTED and TERMINATED end
 * a deal for good. Which command may leave which stage is written once, in {@link Transitions}.
 */
public enum DealStage {
    INQUIRY, BROKER_ASSIGNED, NDA_SIGNED, NEGOTIATION, TERMS_AGREED, CONTRACT_SIGNED, REGISTERED, CLOSED,
    WITHDRAWN, REJECTED, TERMINATED;

    /**
     * Not ended. CLOSED is open: royalties, payments and termination go on after closing, which only says that the
     * fixed payments arrived.
     */
    public boolean isOpen() {
        return this != WITHDRAWN && this != REJECTED && this != TERMINATED;
    }

    /**
     * Still being brokered: open and not CLOSED. The one-active-deal-per-buyer rule counts these, so a buyer whose
     * earlier deal on the same achievement closed may open another one (a second licence, for instance).
     */
    public boolean isActive() {
        return isOpen() && this != CLOSED;
    }

    /** The stages from {@code first} to {@code last} in declaration order, both included. */
    static Set<DealStage> range(DealStage first, DealStage last) {
        return Collections.unmodifiableSet(EnumSet.range(first, last));
    }
}
