package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/** What a redemption naming a deal needs of it: its stage (DealStage names), its buyer and its broker organisation. */
public record DealFacts(String id, String stage, String buyerOrg, @Nullable String brokerOrg) {
    public DealFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(buyerOrg, "buyerOrg");
    }

    /** A technology transfer the voucher may pay for: REGISTERED or CLOSED, bought by the holder, brokered by the agency. */
    boolean fits(String holderOrg, String agencyOrg) {
        return (stage.equals("REGISTERED") || stage.equals("CLOSED")) && buyerOrg.equals(holderOrg) && agencyOrg.equals(brokerOrg);
    }
}
