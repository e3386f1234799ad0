/**
 * Valuation capability (module API): valuations of achievements by the six methods of {@code domain}, stored
 * immutably with their inputs, rule set and results; printable reports; publication of a recommended range as the
 * listing's price hint; and the qualitative evaluation scorecard (GB/T 44731-2024).
 */
@NullMarked
package io.ttx.valuation;

import org.jspecify.annotations.NullMarked;
