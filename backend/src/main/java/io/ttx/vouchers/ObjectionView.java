package io.ttx.vouchers;

import java.time.Instant;

/** An objection filed during an agency's public notice (module API). */
public record ObjectionView(String id, String agencyId, String text, Instant at) { }
