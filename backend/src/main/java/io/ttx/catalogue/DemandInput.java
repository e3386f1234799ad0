package io.ttx.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A technology demand (需求) as enterprises send it: what they need, their budget (an amount or a range, not both),
 * how they want to cooperate, until when the need stands. Shape here (400); business rules in
 * {@link io.ttx.catalogue.rules.DemandRules} (422).
 */
public record DemandInput(
    @NotNull @Valid LocalizedText title,
    @NotNull @Valid LocalizedText summary,
    @NotNull TechField field,
    @Nullable List<String> keywords,
    @Nullable String technicalIndicators,
    @Nullable String problemToSolve,
    @Nullable String currentBasis,
    @Nullable @Valid Money budget,
    @Nullable @Valid AmountRange budgetRange,
    @Nullable List<@NotNull TransferMode> cooperationModes,
    @NotNull String region,
    @Nullable LocalDate validUntil,
    @Nullable LocalDate expectedDelivery,
    @Nullable IpOwnership ipOwnership,
    @Nullable Boolean voucherEligible) { }
