package io.ttx.brokerage.domain;

import java.time.Instant;
import java.time.LocalDate;

/** Everything a command's checks read besides the deal and the payload: who, when, and the listing facts. */
record Context(Actor actor, Instant now, LocalDate today, DealRules rules) {

    Side side() {
        return actor.side();
    }
}
