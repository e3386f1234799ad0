package io.ttx.brokerage.domain;

import static io.ttx.brokerage.domain.DealStage.BROKER_ASSIGNED;
import static io.ttx.brokerage.domain.DealStage.CLOSED;
import static io.ttx.brokerage.domain.DealStage.CONTRACT_SIGNED;
import static io.ttx.brokerage.domain.DealStage.INQUIRY;
import static io.ttx.brokerage.domain.DealStage.NDA_SIGNED;
import static io.ttx.brokerage.domain.DealStage.NEGOTIATION;
import static io.ttx.brokerage.domain.DealStage.REGISTERED;
import static io.ttx.brokerage.domain.DealStage.TERMINATED;
import static io.ttx.brokerage.domain.DealStage.TERMS_AGREED;
import static io.ttx.brokerage.domain.Relation.ADMIN;
import static io.ttx.brokerage.domain.Relation.BROKER;
import static io.ttx.brokerage.domain.Relation.BUYER;
import static io.ttx.brokerage.domain.Relation.OTHER_BROKER;
import static io.ttx.brokerage.domain.Relation.SELLER_TTO;
import static io.ttx.brokerage.domain.Relation.UNASSIGNED_BROKER;

import io.ttx.brokerage.domain.Transition.Advance;
import io.ttx.brokerage.domain.Transition.Condition;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * THE table of deal transitions: for every command, who may issue it, in which stages, and the stage it leads to. The
 * relation is judged first (403 forbidden), then the stage (409 illegal-transition): an actor who may never issue a
 * command learns nothing about the deal's stage. Everything else a command checks comes after, in {@link Deals}.
 */
public final class Transitions {

    private static final Map<CommandType, Transition> TABLE = table();

    private Transitions() {
    }

    private static Map<CommandType, Transition> table() {
        Set<DealStage> open = DealStage.range(INQUIRY, CLOSED);
        Set<DealStage> beforeClosed = DealStage.range(INQUIRY, REGISTERED);
        Set<DealStage> beforeContract = DealStage.range(INQUIRY, TERMS_AGREED);
        Set<DealStage> signed = DealStage.range(CONTRACT_SIGNED, CLOSED);
        Set<DealStage> registered = DealStage.range(REGISTERED, CLOSED);
        Advance ndaComplete = new Advance(Set.of(BROKER_ASSIGNED), NDA_SIGNED, Condition.NDA_SIGNED_BY_BOTH);
        // a claim in INQUIRY reaches NDA_SIGNED at once when both parties signed the NDA before a broker came
        List<Advance> brokerArrives =
                List.of(new Advance(Set.of(INQUIRY), BROKER_ASSIGNED, Condition.ALWAYS), ndaComplete);
        Map<CommandType, Transition> t = new EnumMap<>(CommandType.class);
        t.put(CommandType.CLAIM, new Transition(Set.of(BROKER, UNASSIGNED_BROKER, OTHER_BROKER), open, brokerArrives));
        t.put(CommandType.ASSIGN_BROKER, new Transition(Set.of(SELLER_TTO, ADMIN), open, brokerArrives));
        t.put(CommandType.SIGN_NDA, new Transition(Set.of(SELLER_TTO, BUYER), beforeClosed, List.of(ndaComplete)));
        t.put(CommandType.ACCEPT_ASKING_PRICE,
                new Transition(Set.of(BUYER), Set.of(BROKER_ASSIGNED, NDA_SIGNED), to(TERMS_AGREED)));
        t.put(CommandType.PROPOSE_TERMS,
                new Transition(Set.of(SELLER_TTO, BUYER, BROKER), Set.of(NDA_SIGNED, NEGOTIATION), to(NEGOTIATION)));
        t.put(CommandType.ACCEPT_TERMS, new Transition(Set.of(SELLER_TTO, BUYER), Set.of(NEGOTIATION),
                List.of(new Advance(Set.of(NEGOTIATION), TERMS_AGREED, Condition.TERMS_AGREED))));
        t.put(CommandType.SIGN_CONTRACT, new Transition(Set.of(SELLER_TTO, BUYER), Set.of(TERMS_AGREED),
                List.of(new Advance(Set.of(TERMS_AGREED), CONTRACT_SIGNED, Condition.CONTRACT_SIGNED_BY_BOTH))));
        t.put(CommandType.REGISTER_CONTRACT, new Transition(Set.of(BROKER), Set.of(CONTRACT_SIGNED), to(REGISTERED)));
        t.put(CommandType.RECORD_PAYMENT, new Transition(Set.of(SELLER_TTO, BROKER), registered, List.of()));
        t.put(CommandType.ROYALTY_STATEMENT, new Transition(Set.of(BUYER), registered, List.of()));
        t.put(CommandType.CLOSE_ROYALTY_YEAR, new Transition(Set.of(SELLER_TTO, BROKER), registered, List.of()));
        t.put(CommandType.CLOSE, new Transition(Set.of(BROKER, SELLER_TTO), Set.of(REGISTERED), to(CLOSED)));
        t.put(CommandType.TERMINATE, new Transition(Set.of(SELLER_TTO, BUYER, BROKER), signed, to(TERMINATED)));
        t.put(CommandType.WITHDRAW, new Transition(Set.of(BUYER, SELLER_TTO), beforeContract, to(DealStage.WITHDRAWN)));
        t.put(CommandType.REJECT, new Transition(Set.of(SELLER_TTO), beforeContract, to(DealStage.REJECTED)));
        if (t.size() != CommandType.values().length) {
            throw new IllegalStateException("every command has a row");
        }
        return Collections.unmodifiableMap(t);
    }

    private static List<Advance> to(DealStage stage) {
        return List.of(new Advance(EnumSet.allOf(DealStage.class), stage, Condition.ALWAYS));
    }

    /** The row of a command. */
    public static Transition of(CommandType command) {
        return TABLE.get(command);
    }

    /** Empty when the relation may issue the command in the stage; else 403 forbidden, or 409 illegal-transition. */
    public static Optional<DealRejection> admit(CommandType command, Relation relation, DealStage stage) {
        Transition row = of(command);
        if (!row.actors().contains(relation)) {
            return Optional.of(DealRejection.forbidden(DealCodes.FORBIDDEN, relation + " may not " + command));
        }
        if (!row.from().contains(stage)) {
            return Optional.of(DealRejection.conflict(DealCodes.ILLEGAL_TRANSITION,
                    command + " is not possible in " + stage));
        }
        return Optional.empty();
    }

    /** The commands the table admits for the relation in the stage: what a client may offer (each may still fail). */
    public static Set<CommandType> available(Relation relation, DealStage stage) {
        Set<CommandType> commands = EnumSet.noneOf(CommandType.class);
        for (CommandType command : CommandType.values()) {
            if (admit(command, relation, stage).isEmpty()) {
                commands.add(command);
            }
        }
        return Collections.unmodifiableSet(commands);
    }
}
