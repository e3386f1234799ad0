package io.ttx.catalogue;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** A price or budget range in yuan (decimal strings); currency CNY when omitted. */
public record AmountRange(@NotNull String min, @NotNull String max, @Nullable String currency) { }
