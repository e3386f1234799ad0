package io.ttx.brokerage.domain;

/** The commands on a deal, by name: the keys of the transition table and the {@code command} of trail entries. */
public enum CommandType {
    CLAIM(DealEvent.CLAIMED),
    ASSIGN_BROKER(DealEvent.BROKER_ASSIGNED),
    SIGN_NDA(DealEvent.NDA_SIGNED),
    ACCEPT_ASKING_PRICE(DealEvent.ASKING_PRICE_ACCEPTED),
    PROPOSE_TERMS(DealEvent.TERMS_PROPOSED),
    ACCEPT_TERMS(DealEvent.TERMS_ACCEPTED),
    SIGN_CONTRACT(DealEvent.CONTRACT_SIGNED),
    REGISTER_CONTRACT(DealEvent.CONTRACT_REGISTERED),
    RECORD_PAYMENT(DealEvent.PAYMENT_RECORDED),
    ROYALTY_STATEMENT(DealEvent.ROYALTY_STATEMENT_FILED),
    CLOSE_ROYALTY_YEAR(DealEvent.ROYALTY_YEAR_CLOSED),
    CLOSE(DealEvent.CLOSED),
    TERMINATE(DealEvent.TERMINATED),
    WITHDRAW(DealEvent.WITHDRAWN),
    REJECT(DealEvent.REJECTED);

    private final DealEvent event;

    CommandType(DealEvent event) {
        this.event = event;
    }

    /** The event an accepted command of this type records. */
    public DealEvent event() {
        return event;
    }
}
