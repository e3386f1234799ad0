package io.ttx.brokerage.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A deal between a seller organisation (the owner of an achievement, acting through its TTO) and an enterprise buyer,
 * brokered by a transfer centre. Immutable: {@link Deals#decide} returns the next state, and the append-only trail
 * lives beside it (one {@link TrailEntry} per accepted command). Amounts are integer fen.
 *
 * @param demandId the buyer's demand the deal answers, if any
 * @param broker null until a broker claims the deal or is assigned; never removed
 * @param intendedMode the mode the buyer named when opening; the mode of an accepted asking price
 * @param ndaSignatures at most one per side
 * @param termsVersions every proposed term sheet in order, numbered from 1; the last one is current
 * @param agreedTerms the term sheet both parties agreed (from TERMS_AGREED on)
 * @param contractSignedBy the parties that signed the contract
 * @param royaltyYears one account per calendar year with a statement or a closing, in ascending years
 * @param terminatedOn the day a termination takes effect: the grant ends on it
 * @param commissionRate the platform's rate as it was when the contract was signed (null before), so that every later
 *     royalty earns commission at the rate the contract was brokered at
 * @param commission the commission so far: on the contract value, then on each royalty due and true-up
 * @param version incremented by every accepted command; the store writes conditionally on the previous one
 */
public record Deal(DealId id, String achievementId, @Nullable String demandId, String sellerOrg, String buyerOrg,
        @Nullable Broker broker, DealStage stage, TransferMode intendedMode, List<NdaSignature> ndaSignatures,
        List<TermsVersion> termsVersions, @Nullable TermSheet agreedTerms, Set<Side> contractSignedBy,
        @Nullable Registration registration, List<Payment> payments, List<RoyaltyYear> royaltyYears,
        @Nullable LocalDate terminatedOn, @Nullable BigDecimal commissionRate, long commission, Instant createdAt,
        Instant updatedAt, long version) {

    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(sellerOrg, "sellerOrg");
        Objects.requireNonNull(buyerOrg, "buyerOrg");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(intendedMode, "intendedMode");
        ndaSignatures = List.copyOf(ndaSignatures);
        termsVersions = List.copyOf(termsVersions);
        contractSignedBy = Side.copyOf(contractSignedBy);
        payments = List.copyOf(payments);
        royaltyYears = List.copyOf(royaltyYears);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (commission < 0 || version < 0) {
            throw new IllegalArgumentException("commission and version are not negative");
        }
    }

    /** A new deal in INQUIRY, version 0, as {@link Deals#open} creates it. */
    static Deal opened(DealId id, OpenDeal request, String buyerOrg, Instant now) {
        return new Deal(id, request.achievementId(), request.demandId(), request.sellerOrg(), buyerOrg, null,
                DealStage.INQUIRY, request.intendedMode(), List.of(), List.of(), null, Set.of(), null, List.of(),
                List.of(), null, null, 0, now, now, 0);
    }

    /** The sides that signed the NDA. */
    public Set<Side> ndaSignedBy() {
        return Side.copyOf(ndaSignatures.stream().map(NdaSignature::side).collect(Collectors.toSet()));
    }

    /** The latest term sheet version, if any was proposed. */
    public Optional<TermsVersion> currentTerms() {
        return termsVersions.isEmpty() ? Optional.empty() : Optional.of(termsVersions.get(termsVersions.size() - 1));
    }

    public Optional<RoyaltyYear> royaltyYear(int year) {
        return royaltyYears.stream().filter(y -> y.year() == year).findFirst();
    }

    /** What was paid of a kind; for MILESTONE, of the named milestone only. */
    public long paid(PaymentKind kind, @Nullable String milestone) {
        return payments.stream()
                .filter(p -> p.kind() == kind
                        && (kind != PaymentKind.MILESTONE || Objects.equals(p.milestone(), milestone)))
                .mapToLong(Payment::amount).sum();
    }

    /** Whether the upfront fee or a milestone of the agreed terms is not fully paid (false without agreed terms). */
    public boolean paymentsOutstanding() {
        TermSheet terms = agreedTerms;
        if (terms == null) {
            return false;
        }
        return paid(PaymentKind.UPFRONT, null) < terms.upfront()
                || terms.milestones().stream().anyMatch(m -> paid(PaymentKind.MILESTONE, m.name()) < m.amount());
    }

    /** Still being brokered (see {@link DealStage#isActive()}): what the one-active-deal-per-buyer rule counts. */
    public boolean isActive() {
        return stage.isActive();
    }

    /** What the dashboard shows: the next step and who is expected to take it. */
    public NextAction nextAction() {
        return NextAction.of(this);
    }
}
