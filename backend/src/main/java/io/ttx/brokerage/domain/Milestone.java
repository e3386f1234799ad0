package io.ttx.brokerage.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A fixed payment due on an event of the contract, identified by its name (unique within a term sheet). */
public record Milestone(String name, long amount, LocalDate dueOn) {

    public Milestone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dueOn, "dueOn");
    }
}
