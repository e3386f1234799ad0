package io.ttx.brokerage.domain;

import java.util.List;
import java.util.Set;
import io.ttx.brokerage.domain.DealCommand.AcceptAskingPrice;
import io.ttx.brokerage.domain.DealCommand.AcceptTerms;
import io.ttx.brokerage.domain.DealCommand.AssignBroker;
import io.ttx.brokerage.domain.DealCommand.Claim;
import io.ttx.brokerage.domain.DealCommand.Close;
import io.ttx.brokerage.domain.DealCommand.CloseRoyaltyYear;
import io.ttx.brokerage.domain.DealCommand.FileRoyaltyStatement;
import io.ttx.brokerage.domain.DealCommand.ProposeTerms;
import io.ttx.brokerage.domain.DealCommand.RecordPayment;
import io.ttx.brokerage.domain.DealCommand.RegisterContract;
import io.ttx.brokerage.domain.DealCommand.Reject;
import io.ttx.brokerage.domain.DealCommand.SignContract;
import io.ttx.brokerage.domain.DealCommand.SignNda;
import io.ttx.brokerage.domain.DealCommand.Terminate;
import io.ttx.brokerage.domain.DealCommand.Withdraw;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The entry points: opening a deal and deciding a command. Both are pure functions of their arguments (no clock, no
 * store): the caller loads the deal and the listing facts, passes the time, stores the accepted state conditionally on
 * the deal's previous version and appends the trail entry.
 */
public final class Deals {

    private Deals() {
    }

    /**
     * Opens a deal in INQUIRY for the caller's organisation as buyer. Refused with 403 forbidden unless the caller is
     * an enterprise user with an organisation, 422 own-achievement when that organisation is the seller, and 422
     * open-licence-exclusive or mode-not-offered for an intended mode the listing cannot give. The caller enforces the
     * one-active-deal-per-buyer rule ({@link Deal#isActive()}) and that the listing is published.
     */
    public static DealDecision open(DealId id, OpenDeal request, Caller caller, Instant now, DealRules rules) {
        String org = caller.org();
        if (org == null || !caller.roles().contains(Role.ENTERPRISE)) {
            return new DealDecision.Rejected(DealRejection.forbidden(DealCodes.FORBIDDEN,
                    "only an enterprise user of an organisation opens a deal"));
        }
        if (org.equals(request.sellerOrg())) {
            return new DealDecision.Rejected(DealRejection.unprocessable(DealCodes.OWN_ACHIEVEMENT,
                    "an organisation does not buy its own achievement"));
        }
        try {
            rules.requireMode(request.intendedMode());
        } catch (Refusal refusal) {
            return new DealDecision.Rejected(refusal.rejection());
        }
        Deal deal = Deal.opened(id, request, org, now);
        TrailEntry entry = new TrailEntry(caller.subject(), now, null, null, DealStage.INQUIRY, null, Relation.BUYER);
        return new DealDecision.Accepted(deal, entry, DealEvent.OPENED);
    }

    /**
     * The deal an auction or a tender decided, at TERMS_AGREED, version 0: the award's terms are the one term sheet
     * version, proposed by the SELLER (the auction's or tender's terms) and accepted by the BUYER (by its bid or
     * offer), and agreed; the broker that ran it is the deal's broker (BROKER_ASSIGNED is skipped). The NDA is signed
     * on the deal as usual, and SIGN_CONTRACT checks exclusivity as for any deal.
     */
    public static DealDecision.Accepted award(DealId id, Award award, Instant now) {
        TermSheet terms = award.terms();
        TermsVersion version = new TermsVersion(1, terms, Side.SELLER, now, Set.of(Side.BUYER));
        Deal deal = new Deal(id, award.achievementId(), null, award.sellerOrg(), award.buyerOrg(), award.broker(),
                DealStage.TERMS_AGREED, terms.transferMode(), List.of(), List.of(version), terms,
                Set.of(), null, List.of(), List.of(), null, null, 0, now, now, 0);
        TrailEntry entry = new TrailEntry(award.by(), now, null, null, DealStage.TERMS_AGREED, award.note(), award.actedAs());
        return new DealDecision.Accepted(deal, entry, DealEvent.OPENED);
    }

    /**
     * Decides a command: the transition table first (403 forbidden, then 409 illegal-transition), then the command's
     * own rules. Accepted: the next deal (stage by the table's rule, {@code updatedAt = now}, version + 1), its trail
     * entry and the event. {@code today} is the calendar day in China time for the date rules (royalty years, payment
     * and registration dates, the start of an asking-price licence).
     */
    public static DealDecision decide(Deal deal, Actor actor, DealCommand command, Instant now, LocalDate today,
            DealRules rules) {
        CommandType type = command.type();
        Optional<DealRejection> refused = Transitions.admit(type, actor.relation(), deal.stage());
        if (refused.isPresent()) {
            return new DealDecision.Rejected(refused.get());
        }
        Change change;
        try {
            change = apply(deal, command, new Context(actor, now, today, rules));
        } catch (Refusal refusal) {
            return new DealDecision.Rejected(refusal.rejection());
        }
        DealStage after = Transitions.of(type).target(change.deal().build());
        Deal next = change.deal().stage(after).updatedAt(now).version(deal.version() + 1).build();
        TrailEntry entry = new TrailEntry(actor.subject(), now, type, deal.stage(), after, change.note(), actor.relation());
        return new DealDecision.Accepted(next, entry, type.event());
    }

    private static Change apply(Deal deal, DealCommand command, Context context) {
        return switch (command) {
            case Claim c -> Brokering.claim(deal, context);
            case AssignBroker c -> Brokering.assign(deal, c);
            case SignNda c -> Signing.nda(deal, c, context);
            case AcceptAskingPrice c -> Negotiating.acceptAskingPrice(deal, context);
            case ProposeTerms c -> Negotiating.propose(deal, c, context);
            case AcceptTerms c -> Negotiating.accept(deal, c, context);
            case SignContract c -> Signing.contract(deal, context);
            case RegisterContract c -> Settling.register(deal, c, context);
            case RecordPayment c -> Settling.pay(deal, c, context);
            case FileRoyaltyStatement c -> RoyaltyBook.file(deal, c, context);
            case CloseRoyaltyYear c -> RoyaltyBook.close(deal, c, context);
            case Close c -> Settling.close(deal);
            case Terminate c -> Settling.terminate(deal, c);
            case Withdraw c -> new Change(DealBuilder.from(deal), c.reason());
            case Reject c -> new Change(DealBuilder.from(deal), c.reason());
        };
    }
}
