package io.ttx.brokerage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One side's signature of the NDA: the person named as signatory, the NDA text's version, the subject who recorded it
 * and when. A deal holds at most one per side.
 */
public record NdaSignature(Side side, String signatory, String ndaVersion, String signedBy, Instant signedAt) {

    public NdaSignature {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(signatory, "signatory");
        Objects.requireNonNull(ndaVersion, "ndaVersion");
        Objects.requireNonNull(signedBy, "signedBy");
        Objects.requireNonNull(signedAt, "signedAt");
    }
}
