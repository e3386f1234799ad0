package io.ttx.catalogue;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Set;

/**
 * What the brokerage capability needs to know of an achievement a caller can see to open and run a deal on it (module
 * API). {@code status} is effective (a published listing past its validity is EXPIRED).
 *
 * @param transferModes          the offered modes (empty when the offer names none)
 * @param askingPriceFen         the fixed asking price, null without one
 * @param exclusiveEncumbrances  exclusive or sole licences the owner declared as already granted (each counts as a
 *                               signed grant over every field and territory)
 */
public record DealFacts(String id, String ownerOrg, ListingStatus status, Set<TransferMode> transferModes,
                        @Nullable TradeMethod tradeMethod, @Nullable Long askingPriceFen, boolean openLicence,
                        List<EncumbranceType> exclusiveEncumbrances, TechField field) { }
