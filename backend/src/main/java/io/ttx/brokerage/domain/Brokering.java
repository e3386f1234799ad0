package io.ttx.brokerage.domain;

import io.ttx.brokerage.domain.DealCommand.AssignBroker;

/** CLAIM and ASSIGN_BROKER: a deal gets its broker once; the stage rule is in {@link Transitions}. */
final class Brokering {

    private Brokering() {
    }

    /** The claiming broker's organisation and subject; 409 already-assigned when a broker is set. */
    static Change claim(Deal deal, Context context) {
        requireNoBroker(deal);
        Actor actor = context.actor();
        return new Change(DealBuilder.from(deal).broker(new Broker(actor.requireOrg(), actor.subject())), null);
    }

    /** The named organisation, no subject (any of its brokers acts); 409 already-assigned when a broker is set. */
    static Change assign(Deal deal, AssignBroker command) {
        requireNoBroker(deal);
        return new Change(DealBuilder.from(deal).broker(new Broker(command.brokerOrg(), null)),
                "broker " + command.brokerOrg());
    }

    private static void requireNoBroker(Deal deal) {
        Broker broker = deal.broker();
        if (broker != null) {
            throw Refusal.conflict(DealCodes.ALREADY_ASSIGNED, "the deal's broker is " + broker.org());
        }
    }
}
