package io.ttx.shared.outbox;

import java.time.Instant;

/**
 * An event a consumer gave up on after {@code ttx.outbox.max-attempts} failed attempts. Its aggregate's later events
 * still reach that consumer, and the other consumers are not affected.
 *
 * @param id        the dead letter's own id (to retry it)
 * @param source    the collection the event was waiting in, e.g. {@code achievements}
 * @param consumer  the consumer's name, e.g. {@code achievement-index}
 * @param lastError a short safe description of the last failure (an exception's class name or the consumer's report)
 */
public record DeadLetter(String id, String source, String aggregateId, String eventType, String eventId, String consumer,
                         int attempts, String lastError, Instant deadAt) { }
