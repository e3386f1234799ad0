package io.ttx.brokerage.persistence;

import io.ttx.brokerage.domain.Grant;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The register of one achievement (id = the achievement's id): which buyer organisations have an active deal on it
 * (organisation -> deal id) and the grants signed on it. Every change is one conditional write of this one document,
 * which is what makes "one active deal per buyer" and "no two overlapping exclusive grants" hold under concurrent
 * requests without transactions: of two writers that read the same {@code version}, one wins.
 */
public record RegisterDocument(@Id String id, Map<String, String> openBuyers, List<SignedGrant> grants, long version) {

    /**
     * A grant as the register holds it. {@code confirmed} is false from the reservation (written before the deal moves
     * to CONTRACT_SIGNED) until the deal's write succeeded; the repair sweep confirms or removes what a crash left.
     */
    public record SignedGrant(String dealId, Grant grant, boolean confirmed, Instant reservedAt) {
        public SignedGrant confirm() {
            return new SignedGrant(dealId, grant, true, reservedAt);
        }

        public SignedGrant withGrant(Grant g) {
            return new SignedGrant(dealId, g, confirmed, reservedAt);
        }
    }
}
