package io.ttx.brokerage.domain;

import java.util.Objects;
import java.util.Set;

/**
 * What a dashboard shows for a deal: the next step of the main path and who is expected to take it. Derived from the
 * state only; it names the usual next step, while the transition table may allow others (withdrawing, for instance).
 */
public record NextAction(Step step, Who who) {

    /** The step; NONE once nothing is pending (closed or ended deals; royalty statements are periodic). */
    public enum Step {
        CLAIM, SIGN_NDA, PROPOSE_TERMS, ACCEPT_TERMS, SIGN_CONTRACT, REGISTER_CONTRACT, RECORD_PAYMENT, CLOSE, NONE
    }

    /** Who acts: the broker, one party, both parties (each signs or accepts, or either may propose), or nobody. */
    public enum Who { BROKER, SELLER, BUYER, BOTH, NOBODY }

    public static final NextAction NONE = new NextAction(Step.NONE, Who.NOBODY);

    public NextAction {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(who, "who");
    }

    /**
     * INQUIRY: a broker claims. BROKER_ASSIGNED: the parties that have not signed the NDA. NDA_SIGNED: either party
     * proposes terms (BOTH; a broker may too). NEGOTIATION: the parties whose acceptance of the current version is
     * missing. TERMS_AGREED: the parties that have not signed the contract. CONTRACT_SIGNED: the broker registers.
     * REGISTERED: the broker records payments while the upfront or a milestone is outstanding (the seller may too),
     * then closes. Otherwise NONE.
     */
    static NextAction of(Deal deal) {
        return switch (deal.stage()) {
            case INQUIRY -> new NextAction(Step.CLAIM, Who.BROKER);
            case BROKER_ASSIGNED -> missing(Step.SIGN_NDA, Side.PARTIES, deal.ndaSignedBy());
            case NDA_SIGNED -> new NextAction(Step.PROPOSE_TERMS, Who.BOTH);
            case NEGOTIATION -> deal.currentTerms()
                    .map(v -> missing(Step.ACCEPT_TERMS, v.requiredAcceptances(), v.acceptedBy()))
                    .orElse(new NextAction(Step.PROPOSE_TERMS, Who.BOTH));
            case TERMS_AGREED -> missing(Step.SIGN_CONTRACT, Side.PARTIES, deal.contractSignedBy());
            case CONTRACT_SIGNED -> new NextAction(Step.REGISTER_CONTRACT, Who.BROKER);
            case REGISTERED ->
                    new NextAction(deal.paymentsOutstanding() ? Step.RECORD_PAYMENT : Step.CLOSE, Who.BROKER);
            case CLOSED, WITHDRAWN, REJECTED, TERMINATED -> NONE;
        };
    }

    private static NextAction missing(Step step, Set<Side> required, Set<Side> done) {
        boolean seller = required.contains(Side.SELLER) && !done.contains(Side.SELLER);
        boolean buyer = required.contains(Side.BUYER) && !done.contains(Side.BUYER);
        if (seller && buyer) {
            return new NextAction(step, Who.BOTH);
        }
        if (seller || buyer) {
            return new NextAction(step, seller ? Who.SELLER : Who.BUYER);
        }
        return NONE;
    }
}
