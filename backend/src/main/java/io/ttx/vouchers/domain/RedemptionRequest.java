package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/** What an agency submits to redeem a voucher (the invoice amount in fen). */
public record RedemptionRequest(String invoiceNumber, long invoiceAmount, Category category, String serviceDescription,
                                @Nullable String dealId) {
    public RedemptionRequest {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(serviceDescription, "serviceDescription");
    }
}
