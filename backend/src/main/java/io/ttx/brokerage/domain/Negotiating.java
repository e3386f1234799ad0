package io.ttx.brokerage.domain;

import io.ttx.brokerage.domain.DealCommand.AcceptTerms;
import io.ttx.brokerage.domain.DealCommand.ProposeTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ACCEPT_ASKING_PRICE, PROPOSE_TERMS and ACCEPT_TERMS: the term sheet versions. Exclusivity against other deals is the
 * caller's check ({@link Exclusivity}), since it needs the achievement's other deals.
 */
final class Negotiating {

    private Negotiating() {
    }

    /**
     * 422 no-asking-price unless the listing is fixed-price with an asking price, then the listing's mode rules on the
     * intended mode, then 409 limit-reached. Recorded as a version proposed by the SELLER (the listing is the seller's
     * offer) and accepted by the BUYER, so the history shows how the terms came about.
     */
    static Change acceptAskingPrice(Deal deal, Context context) {
        DealRules rules = context.rules();
        Long price = rules.askingPrice();
        if (!rules.fixedPrice() || price == null) {
            throw Refusal.unprocessable(DealCodes.NO_ASKING_PRICE, "the listing has no fixed asking price");
        }
        rules.requireMode(deal.intendedMode());
        TermSheet terms = TermSheet.atAskingPrice(deal.intendedMode(), price, context.today());
        TermsVersion version =
                new TermsVersion(nextNumber(deal), terms, Side.SELLER, context.now(), Set.of(Side.BUYER));
        return new Change(DealBuilder.from(deal).termsVersions(adding(deal, version)).agreedTerms(terms),
                "terms version " + version.number() + " at the asking price " + Fen.format(price));
    }

    /** 422 from {@link TermSheet#problem()}, then the listing's mode rules, then 409 limit-reached. */
    static Change propose(Deal deal, ProposeTerms command, Context context) {
        TermSheet terms = command.terms();
        TermSheetRules.check(terms);
        context.rules().requireMode(terms.transferMode());
        TermsVersion version = new TermsVersion(nextNumber(deal), terms, context.side(), context.now(), Set.of());
        return new Change(DealBuilder.from(deal).termsVersions(adding(deal, version)),
                "terms version " + version.number());
    }

    /**
     * 409 terms-superseded unless the version is the current one, 403 own-proposal for the side that proposed it, 409
     * already-accepted for a side that accepted it, then 422 open-licence-exclusive (the listing may have been opened
     * to licensing since the proposal). The last acceptance needed makes it the agreed term sheet.
     */
    static Change accept(Deal deal, AcceptTerms command, Context context) {
        TermsVersion current = deal.currentTerms().filter(v -> v.number() == command.termsVersion())
                .orElseThrow(() -> Refusal.conflict(DealCodes.TERMS_SUPERSEDED,
                        "version " + command.termsVersion() + " is not the current term sheet"));
        Side side = context.side();
        if (current.proposedBy() == side) {
            throw Refusal.forbidden(DealCodes.OWN_PROPOSAL, "the " + side + " proposed version " + current.number());
        }
        if (current.acceptedBy().contains(side)) {
            throw Refusal.conflict(DealCodes.ALREADY_ACCEPTED, "the " + side + " already accepted version "
                    + current.number());
        }
        context.rules().requireLicensable(current.terms().transferMode());
        TermsVersion accepted = current.acceptedBy(side);
        List<TermsVersion> versions = new ArrayList<>(deal.termsVersions());
        versions.set(versions.size() - 1, accepted);
        DealBuilder next = DealBuilder.from(deal).termsVersions(versions);
        if (accepted.isAgreed()) {
            next.agreedTerms(accepted.terms());
        }
        return new Change(next, "terms version " + accepted.number() + " accepted by the " + side);
    }

    private static int nextNumber(Deal deal) {
        if (deal.termsVersions().size() >= DealLimits.TERMS_VERSIONS) {
            throw Refusal.conflict(DealCodes.LIMIT_REACHED, "a deal has at most " + DealLimits.TERMS_VERSIONS
                    + " term sheet versions");
        }
        return deal.termsVersions().size() + 1;
    }

    private static List<TermsVersion> adding(Deal deal, TermsVersion version) {
        List<TermsVersion> versions = new ArrayList<>(deal.termsVersions());
        versions.add(version);
        return versions;
    }
}
