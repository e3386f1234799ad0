package io.ttx.catalogue;

import java.time.Instant;

/** The public price hint of a listing: a published valuation's recommended range, in yuan (decimal strings). */
public record PriceHint(String low, String high, String currency, String valuationId, Instant publishedAt) { }
