package io.ttx.shared.outbox;

import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Receives the events of one aggregate type, in order per aggregate, at least once. Must be idempotent (compare
 * the event's version with what it has): an event that failed and is retried, or is retried from a dead letter, may
 * arrive after later events of its aggregate. A failure (error signal) leaves the events pending for this consumer
 * only: they are retried, and after {@code ttx.outbox.max-attempts} they become a dead letter.
 */
public interface OutboxConsumer {
    /**
     * A stable name, unique among the consumers of its aggregate type (letters, digits and hyphens): the relay records
     * under it which events this consumer has handled, and dead letters name it. Renaming makes it a new consumer.
     */
    String name();

    /** The aggregate type this consumer wants, e.g. {@code achievement}. */
    String aggregateType();

    /** Handles a batch of events (several aggregates, each aggregate's events in order). */
    Mono<Void> accept(List<OutboxEvent> events);

    /**
     * Handles a batch and names the aggregates whose events could not be handled: only those stay pending and are
     * retried, the others are done. An error signal means "none handled": the relay then hands the batch over again
     * one aggregate at a time, so that only the aggregates that fail on their own are retried. By default all or
     * nothing.
     */
    default Mono<Set<String>> acceptEach(List<OutboxEvent> events) {
        return accept(events).thenReturn(Set.of());
    }

    /** A consumer of {@code aggregateType} that handles each batch all or nothing. */
    static OutboxConsumer of(String name, String aggregateType, Function<List<OutboxEvent>, Mono<Void>> accept) {
        return new OutboxConsumer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String aggregateType() {
                return aggregateType;
            }

            @Override
            public Mono<Void> accept(List<OutboxEvent> events) {
                return accept.apply(events);
            }
        };
    }

    /** A consumer of {@code aggregateType} that names the aggregates it could not handle (only those are retried). */
    static OutboxConsumer perAggregate(String name, String aggregateType, Function<List<OutboxEvent>, Mono<Set<String>>> acceptEach) {
        return new OutboxConsumer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String aggregateType() {
                return aggregateType;
            }

            @Override
            public Mono<Void> accept(List<OutboxEvent> events) {
                return acceptEach(events).flatMap(failed -> failed.isEmpty() ? Mono.<Void>empty()
                    : Mono.error(new IllegalStateException(failed.size() + " " + aggregateType + " aggregates could not be handled")));
            }

            @Override
            public Mono<Set<String>> acceptEach(List<OutboxEvent> events) {
                return acceptEach.apply(events);
            }
        };
    }
}
