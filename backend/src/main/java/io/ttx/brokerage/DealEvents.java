package io.ttx.brokerage;

/**
 * The events a deal records (module API), one per accepted command plus the opening, named as the domain's
 * {@code DealEvent} types ({@code DealEventNamesTests} pins them), and {@link #IDLE}, which the service records
 * without a command. Other capabilities react through the outbox
 * ({@code OutboxConsumer.of(name, DealEvents.AGGREGATE_TYPE, ...)}) and re-read the deal for its state
 * ({@code Brokerage.snapshot}).
 */
public final class DealEvents {
    /** The aggregate type of these events: the outbox source over the {@code deals} collection. */
    public static final String AGGREGATE_TYPE = "deal";
    public static final String OPENED = "DealOpened";
    public static final String CLAIMED = "DealClaimed";
    public static final String BROKER_ASSIGNED = "DealBrokerAssigned";
    public static final String NDA_SIGNED = "DealNdaSigned";
    public static final String ASKING_PRICE_ACCEPTED = "DealAskingPriceAccepted";
    public static final String TERMS_PROPOSED = "DealTermsProposed";
    public static final String TERMS_ACCEPTED = "DealTermsAccepted";
    /** A party signed the contract; the deal is CONTRACT_SIGNED once both have. */
    public static final String CONTRACT_SIGNED = "DealContractSigned";
    public static final String CONTRACT_REGISTERED = "DealContractRegistered";
    public static final String PAYMENT_RECORDED = "DealPaymentRecorded";
    public static final String ROYALTY_STATEMENT_FILED = "DealRoyaltyStatementFiled";
    public static final String ROYALTY_YEAR_CLOSED = "DealRoyaltyYearClosed";
    public static final String CLOSED = "DealClosed";
    public static final String TERMINATED = "DealTerminated";
    public static final String WITHDRAWN = "DealWithdrawn";
    public static final String REJECTED = "DealRejected";
    /**
     * The deal went {@code ttx.brokerage.idle-days} without a command (recorded once per idle period by the idle sweep,
     * not by a domain decision: no command, no trail entry, and the deal's version stays; the event carries that version).
     */
    public static final String IDLE = "DealIdle";

    private DealEvents() { }
}
