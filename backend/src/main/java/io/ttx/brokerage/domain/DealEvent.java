package io.ttx.brokerage.domain;

/**
 * What an accepted decision tells the rest of the platform: one event per command (plus the opening), named after
 * what happened. Whether the stage moved is in the trail entry: {@code ContractSigned} with stage after
 * CONTRACT_SIGNED is the second signature. The type names are stored with pending events, so they never change.
 */
public enum DealEvent {
    OPENED("Opened"), CLAIMED("Claimed"), BROKER_ASSIGNED("BrokerAssigned"), NDA_SIGNED("NdaSigned"),
    ASKING_PRICE_ACCEPTED("AskingPriceAccepted"), TERMS_PROPOSED("TermsProposed"), TERMS_ACCEPTED("TermsAccepted"),
    CONTRACT_SIGNED("ContractSigned"), CONTRACT_REGISTERED("ContractRegistered"), PAYMENT_RECORDED("PaymentRecorded"),
    ROYALTY_STATEMENT_FILED("RoyaltyStatementFiled"), ROYALTY_YEAR_CLOSED("RoyaltyYearClosed"), CLOSED("Closed"),
    TERMINATED("Terminated"), WITHDRAWN("Withdrawn"), REJECTED("Rejected");

    private final String suffix;

    DealEvent(String suffix) {
        this.suffix = suffix;
    }

    /** The event type, e.g. {@code DealClaimed}. */
    public String type() {
        return "Deal" + suffix;
    }
}
