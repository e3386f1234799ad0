package io.ttx.shared.outbox;

/** A collection whose documents carry {@code pendingEvents}, and the aggregate type those events are about. */
public record OutboxSource(String collection, String aggregateType) { }
