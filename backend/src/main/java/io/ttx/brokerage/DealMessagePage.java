package io.ttx.brokerage;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** One page of a deal room's messages, newest first; {@code nextCursor} (the last id) is null on the last page. */
public record DealMessagePage(List<DealMessageView> items, @Nullable String nextCursor) { }
