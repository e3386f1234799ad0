package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * CNIPA's caps for patent open licences (Patent Law art. 50-52), used only for warnings on open-licensed
 * achievements: a fixed fee of at most {@code fixedFee} CNY, a running royalty of at most {@code royaltyRate} of net
 * sales or {@code profitShare} of profit. Configuration; {@link #defaults()} are 20,000,000 CNY, 0.20 and 0.40.
 */
public record OpenLicenceCaps(BigDecimal fixedFee, BigDecimal royaltyRate, BigDecimal profitShare) {

    public OpenLicenceCaps {
        Objects.requireNonNull(fixedFee, "fixedFee");
        Objects.requireNonNull(royaltyRate, "royaltyRate");
        Objects.requireNonNull(profitShare, "profitShare");
    }

    public static OpenLicenceCaps defaults() {
        return new OpenLicenceCaps(new BigDecimal("20000000"), new BigDecimal("0.20"), new BigDecimal("0.40"));
    }
}
