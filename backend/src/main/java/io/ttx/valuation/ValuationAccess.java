package io.ttx.valuation;

import io.ttx.catalogue.ListingGrant;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;

/**
 * Who may do what with the valuations of a listing the caller can see (seeing it is the catalogue's rule: another
 * organisation's draft is 404 before any of these). Valuing: the owner organisation's TTO, brokers, evaluators and
 * admins. Reading valuations and evaluations: the owner organisation's TTO and researchers, brokers, evaluators,
 * admins and auditors. Scoring: evaluators and admins. Everybody else: 403.
 */
final class ValuationAccess {
    private ValuationAccess() { }

    static void requireValuer(CurrentUser user, ListingGrant grant) {
        boolean owner = user.has(Role.TTO) && user.belongsTo(grant.ownerOrg());
        if (!owner && !user.hasAny(Role.BROKER, Role.EVALUATOR, Role.ADMIN)) {
            throw new ValuationForbidden("Only the owning organisation's TTO, brokers, evaluators and admins value this listing.");
        }
    }

    static void requireReader(CurrentUser user, ListingGrant grant) {
        boolean owner = user.hasAny(Role.TTO, Role.RESEARCHER) && user.belongsTo(grant.ownerOrg());
        if (!owner && !user.hasAny(Role.BROKER, Role.EVALUATOR, Role.ADMIN, Role.AUDITOR)) {
            throw new ValuationForbidden("Valuations are for the owning organisation, brokers, evaluators, admins and auditors.");
        }
    }

    static void requireEvaluator(CurrentUser user) {
        if (!user.hasAny(Role.EVALUATOR, Role.ADMIN)) {
            throw new ValuationForbidden("Only evaluators and admins score achievements.");
        }
    }
}
