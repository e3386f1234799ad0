package io.ttx.valuation.domain;

import java.math.BigDecimal;

/**
 * One year of a discounted method, for display only: the value is the unrounded sum, never the sum of these rounded
 * rows. {@code amount} is the year's adjusted cash flow (CF, p x CF or Rev x RR x (1 - tax)) to the fen,
 * {@code discountFactor} is 1 / (1 + r)^t to 10 places and {@code presentValue} is amount / (1 + r)^t to the fen, all
 * rounded half-up from the unrounded figures.
 */
public record BreakdownRow(int year, BigDecimal amount, BigDecimal discountFactor, BigDecimal presentValue) {
}
