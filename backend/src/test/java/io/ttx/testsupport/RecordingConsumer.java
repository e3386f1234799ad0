package io.ttx.testsupport;

import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxEvent;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer of achievement events for tests: records what it receives, and can be told to fail. */
public final class RecordingConsumer implements OutboxConsumer {
    private final List<OutboxEvent> received = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public String name() {
        return "test-recording";
    }

    @Override
    public String aggregateType() {
        return "achievement";
    }

    @Override
    public Mono<Void> accept(List<OutboxEvent> events) {
        if (failing) return Mono.error(new IllegalStateException("consumer down (test)"));
        received.addAll(events);
        return Mono.empty();
    }

    public void failing(boolean on) {
        failing = on;
    }

    public List<OutboxEvent> eventsOf(String aggregateId) {
        return received.stream().filter(e -> e.aggregateId().equals(aggregateId)).toList();
    }
}
