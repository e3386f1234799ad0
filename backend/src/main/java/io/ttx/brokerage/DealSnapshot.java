package io.ttx.brokerage;

import io.ttx.brokerage.domain.Broker;
import io.ttx.brokerage.domain.CommandType;
import io.ttx.brokerage.domain.Deal;
import io.ttx.brokerage.domain.DealEvent;
import io.ttx.brokerage.domain.NextAction;
import io.ttx.brokerage.domain.Relation;
import io.ttx.brokerage.domain.TrailEntry;
import io.ttx.brokerage.persistence.DealDocument;
import io.ttx.identity.Role;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deal as the consumers of its events see it (module API, from {@link Brokerage#snapshot}): who its parties are,
 * where it stands now and what it expects next, and the trail's steps by the version each produced, so that a
 * consumer can tell what an event was about and who acted. Plain names only (stages, steps, sides as strings), so
 * other modules never depend on the brokerage's domain types.
 *
 * @param stage    the stage now ({@code DealStage} names)
 * @param active   still being brokered (not CLOSED, WITHDRAWN, REJECTED, TERMINATED)
 * @param expected what {@code Deal.nextAction()} says now
 * @param parties  the seller, the buyer and, once assigned, the broker
 * @param steps    one per trail entry, oldest first; the entry at index n produced version n
 */
public record DealSnapshot(String id, String achievementId, long version, String stage, boolean active, Expected expected,
                           List<Party> parties, List<Step> steps) {

    public static final String SELLER = "SELLER";
    public static final String BUYER = "BUYER";
    public static final String BROKER = "BROKER";
    public static final String ADMIN = "ADMIN";
    /** {@link Expected#who()}: each of the two parties (signs, accepts) or either of them (proposes). */
    public static final String BOTH = "BOTH";

    /** The next step ({@code CLAIM}, {@code SIGN_NDA}, ..., {@code NONE}) and who takes it (BROKER, SELLER, BUYER, BOTH, NOBODY). */
    public record Expected(String step, String who) { }

    /**
     * A party of the deal: an organisation acting through its users of one role (section 4 of brokerage.md): SELLER,
     * the seller organisation's {@code tto} users; BUYER, the buyer organisation's {@code enterprise} users; BROKER, the
     * assigned broker organisation's {@code broker} users, a party from version {@code since} on (its claim or
     * assignment), the others from 0.
     */
    public record Party(String side, String org, Role role, long since) { }

    /**
     * One trail step: the version it produced, its action (the event's name without "Deal", in capitals:
     * {@code OPENED}, {@code CLAIMED}, {@code TERMS_PROPOSED}, ...), the stage after it, and the side that acted
     * (SELLER, BUYER, BROKER, or ADMIN for an administrator without a party relation; null for steps recorded before
     * the relation was kept).
     */
    public record Step(long version, String action, String stageAfter, @Nullable String actedAs) { }

    /** The step that produced {@code version}, if the trail has it. */
    public Optional<Step> step(long version) {
        return version >= 0 && version < steps.size() ? Optional.of(steps.get((int) version)) : Optional.empty();
    }

    /** The parties as they were at {@code version}: the broker only once it was claimed or assigned. */
    public List<Party> partiesAt(long version) {
        return parties.stream().filter(p -> p.since() <= version).toList();
    }

    /** The party on one side, if the deal has it now. */
    public Optional<Party> party(String side) {
        return parties.stream().filter(p -> p.side().equals(side)).findFirst();
    }

    static DealSnapshot of(DealDocument doc) {
        Deal d = doc.deal();
        List<Step> steps = new ArrayList<>(doc.trail().size());
        long brokerSince = -1;
        for (int i = 0; i < doc.trail().size(); i++) {
            TrailEntry e = doc.trail().get(i);
            CommandType c = e.command();
            if ((c == CommandType.CLAIM || c == CommandType.ASSIGN_BROKER) && brokerSince < 0) brokerSince = i;
            steps.add(new Step(i, (c == null ? DealEvent.OPENED : c.event()).name(), e.stageAfter().name(), side(e.actedAs())));
        }
        List<Party> parties = new ArrayList<>(3);
        parties.add(new Party(SELLER, d.sellerOrg(), Role.TTO, 0));
        parties.add(new Party(BUYER, d.buyerOrg(), Role.ENTERPRISE, 0));
        Broker b = d.broker();
        if (b != null) parties.add(new Party(BROKER, b.org(), Role.BROKER, brokerSince < 0 ? 0 : brokerSince)); // no claim: broker from the start (an auction or tender)
        NextAction next = d.nextAction();
        return new DealSnapshot(doc.id(), d.achievementId(), d.version(), d.stage().name(), d.isActive(),
            new Expected(next.step().name(), next.who().name()), List.copyOf(parties), List.copyOf(steps));
    }

    private static @Nullable String side(@Nullable Relation r) {
        if (r == null) return null;
        return switch (r) {
            case SELLER_TTO -> SELLER;
            case BUYER -> BUYER;
            case BROKER, UNASSIGNED_BROKER, OTHER_BROKER -> BROKER;
            case ADMIN -> ADMIN;
            case SELLER_OTHER, NONE -> null;
        };
    }
}
