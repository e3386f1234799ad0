package io.ttx.brokerage.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The commercial terms of a deal. The grant: transfer mode, field of use (GB/T 4754 industry code prefixes or "*"),
 * territory (GB/T 2260 codes, ISO 3166 alpha-2 countries or "*"), term (inclusive; a null end is open) and whether
 * sublicensing is allowed. The money, in fen: upfront fee, milestones, marginal royalty tiers, an optional minimum
 * annual royalty, and an optional equity percentage (0 to 100). The record only holds the values; the business rules
 * are checked when a sheet is proposed ({@link #problem()}).
 */
public record TermSheet(TransferMode transferMode, List<String> fieldOfUse, List<String> territory,
        LocalDate termStart, @Nullable LocalDate termEnd, boolean sublicensing, long upfront,
        List<Milestone> milestones, List<RoyaltyTier> royaltyTiers, @Nullable Long minimumAnnualRoyalty, @Nullable BigDecimal equityPercent) {

    public TermSheet {
        Objects.requireNonNull(transferMode, "transferMode");
        fieldOfUse = List.copyOf(fieldOfUse);
        territory = List.copyOf(territory);
        Objects.requireNonNull(termStart, "termStart");
        milestones = List.copyOf(milestones);
        royaltyTiers = List.copyOf(royaltyTiers);
    }

    /**
     * The term sheet of an accepted asking price: the intended mode over every field ("*") in China ("CN"), from
     * {@code today} with no end, no sublicensing, the asking price as the upfront fee and nothing else.
     */
    public static TermSheet atAskingPrice(TransferMode mode, long askingPrice, LocalDate today) {
        return new TermSheet(mode, List.of(FieldsOfUse.ANY), List.of(Territories.CHINA), today, null, false,
                askingPrice, List.of(), List.of(), null, null);
    }

    /** The same terms with another upfront fee: an auction's hammer price or an awarded tender offer. */
    public TermSheet withUpfront(long fen) {
        return new TermSheet(transferMode, fieldOfUse, territory, termStart, termEnd, sublicensing, fen, milestones,
                royaltyTiers, minimumAnnualRoyalty, equityPercent);
    }

    /** The contract value: upfront plus every milestone (royalties and equity are not known in advance). */
    public long contractValue() {
        long value = upfront;
        for (Milestone m : milestones) {
            value = Math.addExact(value, m.amount());
        }
        return value;
    }

    public Optional<Milestone> milestone(String name) {
        return milestones.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The first business rule the sheet breaks (422: invalid-term-sheet, invalid-term or invalid-tiers), if any. */
    public Optional<DealRejection> problem() {
        try {
            TermSheetRules.check(this);
            return Optional.empty();
        } catch (Refusal refusal) {
            return Optional.of(refusal.rejection());
        }
    }
}
