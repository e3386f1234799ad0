package io.ttx.vouchers;

import io.ttx.catalogue.Money;
import io.ttx.vouchers.persistence.FederatedRedemptionDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Our agency's redemption of another platform's voucher (module API): PENDING while the issuer's outcome is unknown,
 * then the issuer's status (SUBMITTED, APPROVED, REJECTED, SETTLED), or FAILED with the reason's code.
 */
public record FederatedRedemptionView(String id, String issuerRegion, String voucherId, String invoiceNumber, Money invoiceAmount, String category,
                                      String status, Money subsidy, @Nullable String authorizationId, @Nullable String failureCode,
                                      @Nullable String failureDetail, Instant createdAt, Instant updatedAt, @Nullable Instant approvedAt,
                                      @Nullable String batchId) {
    static FederatedRedemptionView of(FederatedRedemptionDocument d) {
        return new FederatedRedemptionView(d.id(), d.issuerRegion(), d.voucherId(), d.invoiceNumber(), ProgrammeView.money(d.invoiceAmount()),
            d.category(), d.status(), ProgrammeView.money(d.subsidy()), d.authorizationId(), d.failureCode(), d.failureDetail(), d.createdAt(),
            d.updatedAt(), d.approvedAt(), d.batchId());
    }
}
