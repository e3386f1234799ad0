package io.ttx.brokerage;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** A page of deals, newest first; {@code nextCursor} fetches the next one (null on the last page). */
public record DealPage(List<DealView> items, @Nullable String nextCursor) { }
