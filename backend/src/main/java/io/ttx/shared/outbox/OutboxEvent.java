package io.ttx.shared.outbox;

import java.time.Instant;

/**
 * A domain event waiting in its aggregate's document ({@code pendingEvents}), written in the same single update as
 * the change it records, so it can never be lost. Consumers re-read the aggregate and use {@code version} to ignore
 * anything older than what they already have (delivery is at least once, in order per aggregate).
 *
 * @param id            unique event id (idempotency key for consumers)
 * @param type          e.g. {@code AchievementPublished}
 * @param aggregateType collection-level kind, e.g. {@code achievement}
 * @param aggregateId   the document's id
 * @param version       the aggregate version this event produced
 * @param at            when it happened
 */
public record OutboxEvent(String id, String type, String aggregateType, String aggregateId, long version, Instant at) { }
