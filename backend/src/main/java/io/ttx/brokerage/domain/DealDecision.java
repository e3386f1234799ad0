package io.ttx.brokerage.domain;

import java.util.Objects;

/**
 * The outcome of a command: accepted with the next state, the trail entry and the event to publish, or rejected with a
 * stable problem. Deciding never throws for a broken business rule; exceptions mean a programming error (a null).
 */
public sealed interface DealDecision {

    /** The command holds: store {@code deal} (its version is one more), append {@code entry}, publish {@code event}. */
    record Accepted(Deal deal, TrailEntry entry, DealEvent event) implements DealDecision {
        public Accepted {
            Objects.requireNonNull(deal, "deal");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(event, "event");
        }
    }

    /** The command breaks a rule; nothing changes. */
    record Rejected(DealRejection rejection) implements DealDecision {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
