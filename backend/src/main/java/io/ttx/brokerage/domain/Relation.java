package io.ttx.brokerage.domain;

/**
 * How an actor stands to one deal. The transition table allows commands per relation, never per raw role, so the
 * rule "only the buyer's enterprise users" is one set membership. {@link Actor#of} derives it from the token.
 */
public enum Relation {
    /** A TTO user of the seller organisation (the achievement's owner): acts for the seller. */
    SELLER_TTO,
    /** Another user of the seller organisation (a researcher): may read the deal, issues no command. */
    SELLER_OTHER,
    /** An enterprise user of the buyer organisation. */
    BUYER,
    /** A broker of the organisation assigned to the deal (any of its brokers, not only the one who claimed it). */
    BROKER,
    /** A broker while the deal has no broker: may claim it. */
    UNASSIGNED_BROKER,
    /** A broker of another organisation while a broker is assigned. */
    OTHER_BROKER,
    /** A platform administrator without a party relation: may assign a broker. */
    ADMIN,
    /** Anybody else, auditors included (they read by role, which the caller decides). */
    NONE;

    /** Whether this relation may see the deal; auditors read by their role, outside this rule. */
    public boolean mayRead() {
        return this != OTHER_BROKER && this != NONE;
    }

    /** Whether the relation stems from an organisation, so the actor must carry one. */
    boolean needsOrg() {
        return this != ADMIN && this != NONE;
    }
}
