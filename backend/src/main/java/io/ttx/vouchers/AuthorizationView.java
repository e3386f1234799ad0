package io.ttx.vouchers;

import io.ttx.catalogue.Money;
import io.ttx.vouchers.persistence.RedemptionDocument;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A federated authorization as the peer sees it (module API): the subsidy reserved and the state at the issuer
 * (AUTHORIZED, VOIDED, then SUBMITTED, APPROVED, REJECTED, SETTLED as the issuer decides).
 */
public record AuthorizationView(String authorizationId, String voucherId, String idempotencyKey, Money subsidy, String status,
                                @Nullable Instant authorizedAt, @Nullable Instant decidedAt, @Nullable String note) {
    static AuthorizationView of(RedemptionDocument d) {
        return new AuthorizationView(d.id(), d.voucherId(), d.idempotencyKey(), ProgrammeView.money(d.subsidy()), d.status(),
            d.federation() == null ? null : d.federation().authorizedAt(), d.decidedAt(), d.note());
    }
}
