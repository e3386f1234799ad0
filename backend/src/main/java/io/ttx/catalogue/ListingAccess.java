package io.ttx.catalogue;

import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;

import java.util.Arrays;

/**
 * Who may see and change a listing. Seeing: the owner organisation and the platform's reviewing and reading roles
 * (broker, evaluator, auditor, admin) see everything; everyone else sees only published (and transferred) listings. Changing: the
 * owner organisation's staff in the owning roles; reviewing: brokers and admins.
 */
final class ListingAccess {
    private ListingAccess() { }

    static boolean seesEverything(CurrentUser user) {
        return user.hasAny(Role.BROKER, Role.ADMIN, Role.AUDITOR, Role.EVALUATOR);
    }

    static boolean seesFull(CurrentUser user, String ownerOrg) {
        return user.belongsTo(ownerOrg) || seesEverything(user);
    }

    /** Pending revisions are for the owner organisation and the reviewers (brokers, admins). */
    static boolean seesRevisions(CurrentUser user, String ownerOrg) {
        return user.belongsTo(ownerOrg) || user.hasAny(Role.BROKER, Role.ADMIN);
    }

    static boolean sees(CurrentUser user, String ownerOrg, ListingStatus status) {
        return seesFull(user, ownerOrg) || status.isReadableByAll();
    }

    static void requireOwner(CurrentUser user, String ownerOrg, Role... roles) {
        if (!user.belongsTo(ownerOrg) || !user.hasAny(roles)) {
            throw new NotOwner("Only the owning organisation's " + Arrays.stream(roles).map(Role::claim).toList()
                + " may change this listing.");
        }
    }

    static void requireReviewer(CurrentUser user) {
        if (!user.hasAny(Role.BROKER, Role.ADMIN)) throw new NotOwner("Only brokers and admins review listings.");
    }
}
