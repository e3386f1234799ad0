package io.ttx.vouchers.domain;

import java.util.Objects;

/** The holder's rating of a redemption: a score of 1 to 5, a comment, and whether it is a complaint. */
public record Rating(int score, String comment, boolean complaint) {
    public Rating {
        Objects.requireNonNull(comment, "comment");
    }

    /**
     * The holder rates a live redemption once: an enterprise user of the holder organisation (403), a score of 1 to 5
     * and a comment of at most 2,000 characters (422 invalid-rating), not rejected (409 redemption-decided), not rated
     * before (409 already-rated).
     */
    public static Decision<Rating> rate(Caller caller, String holderOrg, RedemptionStatus status, boolean rated, int score, String comment,
                                        boolean complaint) {
        return Decision.of(() -> {
            if (!caller.roles().contains(Caller.Role.ENTERPRISE) || !holderOrg.equals(caller.org())) {
                throw Refused.forbidden(VoucherCodes.FORBIDDEN, "only the holder rates a redemption");
            }
            if (score < 1 || score > 5 || comment.length() > VoucherLimits.TEXT) {
                throw Refused.unprocessable(VoucherCodes.INVALID_RATING, "a score of 1 to 5 and a comment of at most " + VoucherLimits.TEXT + " characters");
            }
            if (!status.isLive()) throw Refused.conflict(VoucherCodes.REDEMPTION_DECIDED, "a rejected redemption is not rated");
            if (rated) throw Refused.conflict(VoucherCodes.ALREADY_RATED, "the redemption is rated already");
            return new Rating(score, comment, complaint);
        });
    }
}
