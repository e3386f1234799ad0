package io.ttx.brokerage.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A buyer's inquiry that opens a deal: the achievement, the buyer's demand it answers (if any), the achievement's
 * owner organisation (the seller, from the catalogue) and the transfer mode the buyer intends.
 */
public record OpenDeal(String achievementId, @Nullable String demandId, String sellerOrg, TransferMode intendedMode) {

    public OpenDeal {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(sellerOrg, "sellerOrg");
        Objects.requireNonNull(intendedMode, "intendedMode");
    }
}
