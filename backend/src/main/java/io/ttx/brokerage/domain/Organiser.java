package io.ttx.brokerage.domain;

import org.jspecify.annotations.Nullable;

/**
 * Who runs an auction or a tender: the seller organisation's TTO, or a broker (a transfer centre) acting for the
 * seller, who is then the resulting deal's broker.
 */
final class Organiser {
    private Organiser() { }

    /** The broker a new auction or tender records (null for the seller's TTO); 403 for anyone else. */
    static @Nullable Broker of(Caller caller, String sellerOrg) {
        if (isSellerTto(caller, sellerOrg)) return null;
        if (caller.roles().contains(Role.BROKER) && caller.org() != null) return new Broker(caller.org(), caller.subject());
        throw Refusal.forbidden(DealCodes.FORBIDDEN, "only the seller's TTO or a broker runs an auction or a tender");
    }

    /** The seller's TTO, or a broker of the organisation that created it. */
    static boolean runs(Caller caller, String sellerOrg, @Nullable Broker broker) {
        return isSellerTto(caller, sellerOrg)
            || broker != null && caller.roles().contains(Role.BROKER) && broker.org().equals(caller.org());
    }

    static boolean isSellerTto(Caller caller, String sellerOrg) {
        return caller.roles().contains(Role.TTO) && sellerOrg.equals(caller.org());
    }

    /** The organisation of an enterprise caller who bids or offers; 403 for others, 422 self-dealing for the seller. */
    static String bidder(Caller caller, String sellerOrg) {
        String org = caller.org();
        if (org == null || !caller.roles().contains(Role.ENTERPRISE)) {
            throw Refusal.forbidden(DealCodes.FORBIDDEN, "only an enterprise user of an organisation bids or offers");
        }
        if (org.equals(sellerOrg)) {
            throw Refusal.unprocessable(DealCodes.OWN_ACHIEVEMENT, "an organisation does not buy its own achievement");
        }
        return org;
    }

    /** Whether the caller oversees the platform (admins and auditors read everything that is not sealed). */
    static boolean oversees(Caller caller) {
        return caller.roles().contains(Role.ADMIN) || caller.roles().contains(Role.AUDITOR);
    }
}
