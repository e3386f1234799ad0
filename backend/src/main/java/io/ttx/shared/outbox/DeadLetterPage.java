package io.ttx.shared.outbox;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** One page of dead letters, newest first; {@code nextCursor} continues after the last one, null on the last page. */
public record DeadLetterPage(List<DeadLetter> items, @Nullable String nextCursor) { }
