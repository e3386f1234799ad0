package io.ttx.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The editable content of an achievement listing, as clients send it (POST body, and what a merge patch applies
 * to). Bean Validation checks only the shape (400); the business rules (422) live in
 * {@link io.ttx.catalogue.rules.AchievementRules}. Stored normalised (IPC codes, trimmed texts, 2-decimal amounts).
 */
public record AchievementInput(
    @NotNull @Valid LocalizedText title,
    @NotNull @Valid LocalizedText summary,
    @Nullable String problemSolved,
    @Nullable String advantages,
    @Nullable String technicalIndicators,
    @Nullable String applications,
    @Nullable String commercialAnalysis,
    @Nullable List<String> keywords,
    @NotNull TechField field,
    @Nullable List<String> ipcCodes,
    @Nullable String industryCode,
    @NotNull String region,
    @NotNull Integer trl,
    @NotNull Stage stage,
    @NotNull AchievementForm form,
    @Nullable OwnerType ownerType,
    @Nullable List<@Valid @NotNull Inventor> inventors,
    @Nullable @Valid Contact contact,
    @Nullable List<@Valid @NotNull Patent> patents,
    @Nullable Boolean openLicence,
    @Nullable @Valid Money openLicenceFee,
    @Nullable List<@Valid @NotNull Encumbrance> encumbrances,
    @Nullable @Valid Offer offer) {

    public record Inventor(@NotNull String name, @NotNull BigDecimal share) { }

    public record Contact(@Nullable String name, @Nullable String email, @Nullable String phone) { }

    /** An organisation sharing ownership of a patent, identified by its unified social credit code. */
    public record CoOwner(@NotNull String name, @Nullable String uscc) { }

    public record Patent(@NotNull String office, @NotNull String applicationNumber, @Nullable String publicationNumber,
                         @Nullable String kind, @Nullable LocalDate filingDate, @Nullable LocalDate priorityDate,
                         @Nullable LocalDate grantDate, @Nullable LocalDate expiryDate, @Nullable LegalStatus legalStatus,
                         @Nullable List<@Valid @NotNull CoOwner> coOwners) { }

    public record Encumbrance(@NotNull EncumbranceType type, @Nullable String description) { }

    public record Offer(@Nullable List<@NotNull TransferMode> transferModes, @Nullable TradeMethod tradeMethod,
                        @Nullable @Valid Money askingPrice, @Nullable @Valid AmountRange priceRange,
                        @Nullable @Valid Money deposit) { }
}
