package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One TRL band (inclusive TRLs {@code fromTrl..toTrl}) with its discount-rate premium and success probability.
 * Configuration, so a broken band is a programming or configuration error ({@link IllegalArgumentException}), not a
 * 422.
 */
public record TrlBand(int fromTrl, int toTrl, BigDecimal premium, BigDecimal successProbability) {

    public TrlBand {
        Objects.requireNonNull(premium, "premium");
        Objects.requireNonNull(successProbability, "successProbability");
        if (fromTrl < 1 || toTrl > 9 || fromTrl > toTrl) {
            throw new IllegalArgumentException("TRL band must lie within 1..9: " + fromTrl + ".." + toTrl);
        }
        if (premium.signum() < 0) {
            throw new IllegalArgumentException("premium must not be negative: " + premium);
        }
        if (successProbability.signum() < 0 || successProbability.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("success probability must be in [0, 1]: " + successProbability);
        }
    }

    boolean contains(int trl) {
        return trl >= fromTrl && trl <= toTrl;
    }
}
