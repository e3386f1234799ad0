/**
 * Pure deal rules: the stages and the single transition table ({@link Transitions}), the commands and their checks
 * ({@link Deals#decide}), term sheets, royalties, commission and the exclusivity overlap functions. No Spring, Mongo,
 * Elasticsearch or Jackson types and no clock: the caller passes the time, the listing facts and the actor's relation
 * to the deal, so every rule is a unit-tested pure function.
 */
@NullMarked
package io.ttx.brokerage.domain;

import org.jspecify.annotations.NullMarked;
