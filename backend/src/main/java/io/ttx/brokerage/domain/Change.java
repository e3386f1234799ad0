package io.ttx.brokerage.domain;

import org.jspecify.annotations.Nullable;

/** A command's effect before the stage rule applies: the changed deal and the note for the trail. */
record Change(DealBuilder deal, @Nullable String note) {
}
