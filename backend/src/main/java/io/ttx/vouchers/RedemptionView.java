package io.ttx.vouchers;

import io.ttx.catalogue.Money;
import io.ttx.vouchers.persistence.RedemptionDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A redemption as clients see it (module API): the agency and the province of its admission, the invoice, the subsidy
 * the voucher paid, the status (SUBMITTED, APPROVED, REJECTED, SETTLED), the decision, the settlement batch and the
 * holder's rating.
 */
public record RedemptionView(String id, String voucherId, String programmeId, String issuerRegion, String holderOrg, String agencyOrg,
                             @Nullable String agencyId, @Nullable String agencyRegion, String invoiceNumber, Money invoiceAmount, String category,
                             String serviceDescription, @Nullable String dealId, Money subsidy, String status, Instant createdAt,
                             @Nullable Instant decidedAt, @Nullable String note, @Nullable Instant approvedAt, @Nullable String batchId,
                             @Nullable Rating rating) {

    /** The holder's rating of the service. */
    public record Rating(int score, String comment, boolean complaint, Instant at) { }

    static RedemptionView of(RedemptionDocument d) {
        Rating rating = d.rating() == null ? null : new Rating(d.rating().score(), d.rating().comment(), d.rating().complaint(), d.rating().at());
        return new RedemptionView(d.id(), d.voucherId(), d.programmeId(), d.issuerRegion(), d.holderOrg(), d.agencyOrg(), d.agencyId(),
            d.agencyRegion(), d.invoiceNumber(), ProgrammeView.money(d.invoiceAmount()), d.category(), d.serviceDescription(), d.dealId(),
            ProgrammeView.money(d.subsidy()), d.status(), d.createdAt(), d.decidedAt(), d.note(), d.approvedAt(), d.batchId(), rating);
    }
}
