package io.ttx.brokerage.domain;

import io.ttx.brokerage.domain.DealCommand.SignNda;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SIGN_NDA and SIGN_CONTRACT: each party signs once (409 already-signed). The stage moves by the table once both have
 * signed; the second contract signature also earns the commission on the contract value.
 */
final class Signing {

    private Signing() {
    }

    static Change nda(Deal deal, SignNda command, Context context) {
        Side side = context.side();
        requireUnsigned(deal.ndaSignedBy(), side, "NDA");
        List<NdaSignature> signatures = new ArrayList<>(deal.ndaSignatures());
        signatures.add(new NdaSignature(side, command.signatory(), command.ndaVersion(), context.actor().subject(),
                context.now()));
        return new Change(DealBuilder.from(deal).ndaSignatures(signatures),
                "NDA " + command.ndaVersion() + " signed by " + command.signatory() + " for the " + side);
    }

    /**
     * The commission rate is fixed at the second signature: the rate of {@link DealRules} times the agreed contract
     * value, half-up to the fen.
     */
    static Change contract(Deal deal, Context context) {
        Side side = context.side();
        requireUnsigned(deal.contractSignedBy(), side, "contract");
        Set<Side> signed = Side.adding(deal.contractSignedBy(), side);
        DealBuilder next = DealBuilder.from(deal).contractSignedBy(signed);
        TermSheet terms = deal.agreedTerms();
        if (terms != null && signed.containsAll(Side.PARTIES)) {
            long earned = Commissions.of(context.rules().commissionRate(), terms.contractValue());
            next.commissionRate(context.rules().commissionRate()).addCommission(earned);
            return new Change(next, "commission " + Fen.format(earned));
        }
        return new Change(next, null);
    }

    private static void requireUnsigned(Set<Side> signed, Side side, String document) {
        if (signed.contains(side)) {
            throw Refusal.conflict(DealCodes.ALREADY_SIGNED, "the " + side + " already signed the " + document);
        }
    }
}
