package io.ttx.brokerage.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what in a deal's room (its documents and messages). The caller has already decided that the deal is
 * visible (404 otherwise). Checks run in the commands' order: the relation first (403 {@code forbidden}), then the stage
 * (409 {@code deal-ended}), so an actor who may never write learns nothing about the stage.
 * <ul>
 *   <li>READ: the parties (the seller's TTO and researchers, the buyer), the assigned broker organisation, admins and
 *   auditors (by role). A broker of the claim queue sees the deal but not its room: 403 until its organisation claims it,
 *   since the room is confidential to the deal and every broker organisation sees the queue.</li>
 *   <li>POST_MESSAGE: the seller's TTO, the buyer, the broker and admins, while the deal is open.</li>
 *   <li>UPLOAD_DOCUMENT: the seller's TTO, the buyer and the broker, while the deal is open.</li>
 * </ul>
 */
public final class DealRoomRules {
    /** What a caller asks of the room. */
    public enum Action { READ, POST_MESSAGE, UPLOAD_DOCUMENT }

    private static final Map<Action, Set<Relation>> ALLOWED = Map.of(
        Action.READ, EnumSet.of(Relation.SELLER_TTO, Relation.SELLER_OTHER, Relation.BUYER, Relation.BROKER, Relation.ADMIN),
        Action.POST_MESSAGE, EnumSet.of(Relation.SELLER_TTO, Relation.BUYER, Relation.BROKER, Relation.ADMIN),
        Action.UPLOAD_DOCUMENT, EnumSet.of(Relation.SELLER_TTO, Relation.BUYER, Relation.BROKER));

    private DealRoomRules() { }

    /** The first rule {@code action} breaks for this relation (auditors read by role) in this stage; empty when allowed. */
    public static Optional<DealRejection> check(Relation relation, boolean auditor, DealStage stage, Action action) {
        boolean allowed = ALLOWED.get(action).contains(relation) || action == Action.READ && auditor;
        if (!allowed) {
            return Optional.of(DealRejection.forbidden(DealCodes.FORBIDDEN, relation == Relation.UNASSIGNED_BROKER
                ? "The deal room opens to a broker organisation once it claims the deal."
                : "Your relation to the deal does not allow this in its room."));
        }
        if (action != Action.READ && !stage.isOpen()) {
            return Optional.of(DealRejection.conflict(DealCodes.DEAL_ENDED, "The deal is " + stage + "; its room is read-only."));
        }
        return Optional.empty();
    }

    /** The side a relation that may write to the room speaks for. */
    public static RoomSide side(Relation relation) {
        return switch (relation) {
            case SELLER_TTO -> RoomSide.SELLER;
            case BUYER -> RoomSide.BUYER;
            case BROKER -> RoomSide.BROKER;
            case ADMIN -> RoomSide.ADMIN;
            default -> throw new IllegalArgumentException(relation + " does not write to a deal room");
        };
    }
}
