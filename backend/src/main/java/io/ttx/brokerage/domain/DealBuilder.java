package io.ttx.brokerage.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A changed copy of a deal, field by field: what a command changes is set, everything else is carried over. Mutable and
 * package-private; {@link #build()} goes through the record's checks.
 */
final class DealBuilder {

    private final Deal from;
    private @Nullable Broker broker;
    private DealStage stage;
    private List<NdaSignature> ndaSignatures;
    private List<TermsVersion> termsVersions;
    private @Nullable TermSheet agreedTerms;
    private Set<Side> contractSignedBy;
    private @Nullable Registration registration;
    private List<Payment> payments;
    private List<RoyaltyYear> royaltyYears;
    private @Nullable LocalDate terminatedOn;
    private @Nullable BigDecimal commissionRate;
    private long commission;
    private Instant updatedAt;
    private long version;

    private DealBuilder(Deal deal) {
        from = deal;
        broker = deal.broker();
        stage = deal.stage();
        ndaSignatures = deal.ndaSignatures();
        termsVersions = deal.termsVersions();
        agreedTerms = deal.agreedTerms();
        contractSignedBy = deal.contractSignedBy();
        registration = deal.registration();
        payments = deal.payments();
        royaltyYears = deal.royaltyYears();
        terminatedOn = deal.terminatedOn();
        commissionRate = deal.commissionRate();
        commission = deal.commission();
        updatedAt = deal.updatedAt();
        version = deal.version();
    }

    static DealBuilder from(Deal deal) {
        return new DealBuilder(deal);
    }

    DealBuilder broker(Broker value) {
        broker = value;
        return this;
    }

    DealBuilder stage(DealStage value) {
        stage = value;
        return this;
    }

    DealBuilder ndaSignatures(List<NdaSignature> value) {
        ndaSignatures = value;
        return this;
    }

    DealBuilder termsVersions(List<TermsVersion> value) {
        termsVersions = value;
        return this;
    }

    DealBuilder agreedTerms(TermSheet value) {
        agreedTerms = value;
        return this;
    }

    DealBuilder contractSignedBy(Set<Side> value) {
        contractSignedBy = value;
        return this;
    }

    DealBuilder registration(Registration value) {
        registration = value;
        return this;
    }

    DealBuilder payments(List<Payment> value) {
        payments = value;
        return this;
    }

    DealBuilder royaltyYears(List<RoyaltyYear> value) {
        royaltyYears = value;
        return this;
    }

    DealBuilder terminatedOn(LocalDate value) {
        terminatedOn = value;
        return this;
    }

    DealBuilder commissionRate(BigDecimal value) {
        commissionRate = value;
        return this;
    }

    /** Adds commission earned now to the total so far. */
    DealBuilder addCommission(long value) {
        commission = Math.addExact(commission, value);
        return this;
    }

    DealBuilder updatedAt(Instant value) {
        updatedAt = value;
        return this;
    }

    DealBuilder version(long value) {
        version = value;
        return this;
    }

    Deal build() {
        return new Deal(from.id(), from.achievementId(), from.demandId(), from.sellerOrg(), from.buyerOrg(), broker,
                stage, from.intendedMode(), ndaSignatures, termsVersions, agreedTerms, contractSignedBy, registration,
                payments, royaltyYears, terminatedOn, commissionRate, commission, from.createdAt(), updatedAt, version);
    }
}
