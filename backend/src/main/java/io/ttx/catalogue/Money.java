package io.ttx.catalogue;

import io.ttx.shared.CnyAmount;
import jakarta.validation.constraints.NotNull;

/** An amount on the wire: a decimal string in yuan ("1200000.00") and its currency (CNY). */
public record Money(@NotNull String amount, @NotNull String currency) implements CnyAmount { }
