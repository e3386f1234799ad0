/**
 * Pure valuation rules: one small named policy per valuation method, the TRL risk adjustment and the recommended
 * range. No Spring, Mongo or Elasticsearch types, so every rule is unit-tested on its own and two implementations of
 * the specification (docs/valuation.md) produce the same figures to the fen.
 */
@NullMarked
package io.ttx.valuation.domain;

import org.jspecify.annotations.NullMarked;
