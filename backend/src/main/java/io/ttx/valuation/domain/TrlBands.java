package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The configurable TRL bands. They must cover TRL 1..9 in order without gaps or overlaps, so every achievement falls
 * in exactly one band. {@link #defaults()} are the platform defaults: 1-3 +0.20 / p 0.12, 4-6 +0.12 / 0.38,
 * 7-8 +0.05 / 0.72, 9 +0.01 / 0.95.
 */
public record TrlBands(List<TrlBand> bands) {

    public TrlBands {
        bands = List.copyOf(bands);
        int next = 1;
        for (TrlBand band : bands) {
            if (band.fromTrl() != next) {
                throw new IllegalArgumentException("TRL bands must cover 1..9 in order; expected a band from " + next);
            }
            next = band.toTrl() + 1;
        }
        if (next != 10) {
            throw new IllegalArgumentException("TRL bands must end at TRL 9");
        }
    }

    public static TrlBands defaults() {
        return new TrlBands(List.of(
                new TrlBand(1, 3, new BigDecimal("0.20"), new BigDecimal("0.12")),
                new TrlBand(4, 6, new BigDecimal("0.12"), new BigDecimal("0.38")),
                new TrlBand(7, 8, new BigDecimal("0.05"), new BigDecimal("0.72")),
                new TrlBand(9, 9, new BigDecimal("0.01"), new BigDecimal("0.95"))));
    }

    /** The band holding the TRL (1..9). */
    public TrlBand band(int trl) {
        for (TrlBand band : bands) {
            if (band.contains(trl)) {
                return band;
            }
        }
        throw new IllegalArgumentException("TRL must be 1..9: " + trl);
    }

    /** The risk adjustment that a TRL and a mode give incomeDcf and reliefFromRoyalty. */
    public TrlRisk risk(int trl, TrlAdjustment mode) {
        TrlBand band = band(trl);
        return switch (mode) {
            case NONE -> TrlRisk.NONE;
            case DISCOUNT_PREMIUM -> new TrlRisk(band.premium(), null);
            case SUCCESS_PROBABILITY -> new TrlRisk(BigDecimal.ZERO, band.successProbability());
        };
    }
}
