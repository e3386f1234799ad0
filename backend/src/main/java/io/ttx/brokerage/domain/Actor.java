package io.ttx.brokerage.domain;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who issues a command, as seen from one deal: the subject (recorded in the trail), the organisation and the
 * {@link Relation} the transition table checks. The domain trusts the relation it is given; {@link #of} computes it.
 */
public record Actor(String subject, @Nullable String org, Relation relation) {

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(relation, "relation");
        if (org == null && relation.needsOrg()) {
            throw new IllegalArgumentException(relation + " needs an organisation");
        }
    }

    /**
     * The caller's relation to the deal. Party relations win over ADMIN (an admin who is also the seller's TTO acts as
     * the seller), ADMIN over the read-only and broker-pool relations: first SELLER_TTO (TTO role, seller org), BUYER
     * (enterprise role, buyer org), BROKER (broker role, assigned broker org), then ADMIN, SELLER_OTHER (researcher
     * role, seller org), UNASSIGNED_BROKER or OTHER_BROKER (broker role, depending on whether a broker is assigned),
     * else NONE.
     */
    public static Actor of(Caller caller, Deal deal) {
        return new Actor(caller.subject(), caller.org(), relation(caller, deal));
    }

    private static Relation relation(Caller caller, Deal deal) {
        String org = caller.org();
        Set<Role> roles = caller.roles();
        Broker broker = deal.broker();
        if (org != null && roles.contains(Role.TTO) && org.equals(deal.sellerOrg())) {
            return Relation.SELLER_TTO;
        }
        if (org != null && roles.contains(Role.ENTERPRISE) && org.equals(deal.buyerOrg())) {
            return Relation.BUYER;
        }
        if (org != null && roles.contains(Role.BROKER) && broker != null && org.equals(broker.org())) {
            return Relation.BROKER;
        }
        if (roles.contains(Role.ADMIN)) {
            return Relation.ADMIN;
        }
        if (org != null && roles.contains(Role.RESEARCHER) && org.equals(deal.sellerOrg())) {
            return Relation.SELLER_OTHER;
        }
        if (org != null && roles.contains(Role.BROKER)) {
            return broker == null ? Relation.UNASSIGNED_BROKER : Relation.OTHER_BROKER;
        }
        return Relation.NONE;
    }

    /** The side a party acts for; only asked after the transition table admitted a party relation. */
    Side side() {
        return switch (relation) {
            case SELLER_TTO -> Side.SELLER;
            case BUYER -> Side.BUYER;
            case BROKER -> Side.BROKER;
            default -> throw new IllegalStateException(relation + " acts for no side");
        };
    }

    /** The organisation of an actor whose relation stems from one. */
    String requireOrg() {
        return Objects.requireNonNull(org, "org");
    }
}
