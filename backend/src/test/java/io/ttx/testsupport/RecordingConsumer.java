package io.ttx.testsupport;

import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxEvent;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer of one aggregate type's events for tests (achievement events unless told): records what it receives, and can be told to fail. */
public final class RecordingConsumer implements OutboxConsumer {
    private final List<OutboxEvent> received = new CopyOnWriteArrayList<>();
    private final String name;
    private final String aggregateType;
    private volatile boolean failing;

    public RecordingConsumer() {
        this("test-recording", "achievement");
    }

    public RecordingConsumer(String name, String aggregateType) {
        this.name = name;
        this.aggregateType = aggregateType;
    }

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
