package io.ttx.brokerage.persistence;

import java.time.Instant;

/** An event stored inside its deal document until the outbox relay has delivered it. */
public record PendingEvent(String id, String type, long version, Instant at) { }
