package io.ttx.catalogue;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** One page of listings, newest first, and the id to continue after (null on the last page). */
public record ListingPage<T>(List<T> items, @Nullable String continueAfter) { }
