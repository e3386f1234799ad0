package io.ttx.brokerage.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a deal's append-only trail: who (the actor's subject), when, which command, the stage before and after,
 * a note (the reason of a withdrawal, rejection or termination; otherwise a short account such as the term sheet
 * version or the payment) and the actor's relation to the deal when it acted ({@code actedAs}: which party acted, or
 * an admin; the subject alone does not say it). {@code command} and {@code stageBefore} are null only on the entry
 * that opens the deal; {@code actedAs} is null only on entries recorded before it was kept.
 */
public record TrailEntry(String by, Instant at, @Nullable CommandType command, @Nullable DealStage stageBefore,
        DealStage stageAfter, @Nullable String note, @Nullable Relation actedAs) {

    public TrailEntry {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stageAfter, "stageAfter");
    }
}
