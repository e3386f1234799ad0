package io.ttx.brokerage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transition table against a matrix written by hand from the issue, over every stage x command x relation: once
 * on the table itself, once through {@link Deals#decide} on consistent deals in each stage.
 */
class TransitionTableTests {

    /**
     * One line per command: the stages it may be issued in (x), then the relations allowed to issue it. Stage columns:
     * INQUIRY, BROKER_ASSIGNED, NDA_SIGNED, NEGOTIATION, TERMS_AGREED, CONTRACT_SIGNED, REGISTERED, CLOSED, WITHDRAWN,
     * REJECTED, TERMINATED.
     */
    private static final String MATRIX = """
            #                    INQ BRK NDA NEG AGR CON REG CLO WDR REJ TRM
            CLAIM                 x   x   x   x   x   x   x   x   .   .   .   BROKER UNASSIGNED_BROKER OTHER_BROKER
            ASSIGN_BROKER         x   x   x   x   x   x   x   x   .   .   .   SELLER_TTO ADMIN
            SIGN_NDA              x   x   x   x   x   x   x   .   .   .   .   SELLER_TTO BUYER
            ACCEPT_ASKING_PRICE   .   x   x   .   .   .   .   .   .   .   .   BUYER
            PROPOSE_TERMS         .   .   x   x   .   .   .   .   .   .   .   SELLER_TTO BUYER BROKER
            ACCEPT_TERMS          .   .   .   x   .   .   .   .   .   .   .   SELLER_TTO BUYER
            SIGN_CONTRACT         .   .   .   .   x   .   .   .   .   .   .   SELLER_TTO BUYER
            REGISTER_CONTRACT     .   .   .   .   .   x   .   .   .   .   .   BROKER
            RECORD_PAYMENT        .   .   .   .   .   .   x   x   .   .   .   SELLER_TTO BROKER
            ROYALTY_STATEMENT     .   .   .   .   .   .   x   x   .   .   .   BUYER
            CLOSE_ROYALTY_YEAR    .   .   .   .   .   .   x   x   .   .   .   SELLER_TTO BROKER
            CLOSE                 .   .   .   .   .   .   x   .   .   .   .   SELLER_TTO BROKER
            TERMINATE             .   .   .   .   .   x   x   x   .   .   .   SELLER_TTO BUYER BROKER
            WITHDRAW              x   x   x   x   x   .   .   .   .   .   .   SELLER_TTO BUYER
            REJECT                x   x   x   x   x   .   .   .   .   .   .   SELLER_TTO
            """;

    private enum Expected { ALLOWED, FORBIDDEN, ILLEGAL }

    private record Row(Set<DealStage> stages, Set<Relation> actors) {
    }

    private static final Map<CommandType, Row> ROWS = parse();

    private static Map<CommandType, Row> parse() {
        Map<CommandType, Row> rows = new EnumMap<>(CommandType.class);
        for (String line : MATRIX.strip().split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.asList(line.strip().split("\\s+"));
            Set<DealStage> stages = EnumSet.noneOf(DealStage.class);
            for (DealStage stage : DealStage.values()) {
                if (cells.get(1 + stage.ordinal()).equals("x")) {
                    stages.add(stage);
                }
            }
            Set<Relation> actors = EnumSet.noneOf(Relation.class);
            cells.subList(1 + DealStage.values().length, cells.size()).forEach(a -> actors.add(Relation.valueOf(a)));
            rows.put(CommandType.valueOf(cells.get(0)), new Row(stages, actors));
        }
        return rows;
    }

    private static Expected expected(CommandType command, Relation relation, DealStage stage) {
        Row row = ROWS.get(command);
        if (!row.actors().contains(relation)) {
            return Expected.FORBIDDEN;
        }
        return row.stages().contains(stage) ? Expected.ALLOWED : Expected.ILLEGAL;
    }

    static Stream<Arguments> everyCombination() {
        return Arrays.stream(CommandType.values()).flatMap(command -> Arrays.stream(Relation.values())
                .flatMap(relation -> Arrays.stream(DealStage.values()).map(stage -> arguments(command, relation, stage))));
    }

    @Test
    void theMatrixHasOneRowPerCommand() {
        assertThat(ROWS).containsOnlyKeys(CommandType.values());
        assertThat(everyCombination()).hasSize(15 * 8 * 11);
    }

    @ParameterizedTest(name = "{0} by {1} in {2}")
    @MethodSource("everyCombination")
    void tableAdmitsWhatTheMatrixAllows(CommandType command, Relation relation, DealStage stage) {
        var admitted = Transitions.admit(command, relation, stage);

        switch (expected(command, relation, stage)) {
            case ALLOWED -> assertThat(admitted).isEmpty();
            case FORBIDDEN -> assertThat(admitted).hasValueSatisfying(r -> {
                assertThat(r.code()).isEqualTo(DealCodes.FORBIDDEN);
                assertThat(r.kind()).isEqualTo(RejectionKind.FORBIDDEN);
            });
            case ILLEGAL -> assertThat(admitted).hasValueSatisfying(r -> {
                assertThat(r.code()).isEqualTo(DealCodes.ILLEGAL_TRANSITION);
                assertThat(r.kind()).isEqualTo(RejectionKind.CONFLICT);
            });
        }
    }

    /** Through the entry point: a table refusal is exactly the matrix's, an allowed command fails only on its own rules. */
    @ParameterizedTest(name = "{0} by {1} in {2}")
    @MethodSource("everyCombination")
    void decideFollowsTheMatrix(CommandType command, Relation relation, DealStage stage) {
        Deal deal = Fixtures.inStage(stage);

        DealDecision decision = Fixtures.decide(deal, relation, Fixtures.sample(command));

        switch (expected(command, relation, stage)) {
            case ALLOWED -> {
                String ownRule = ownRule(command, relation, stage);
                if (ownRule != null) {
                    assertThat(Fixtures.rejection(decision).code()).isEqualTo(ownRule);
                } else {
                    DealDecision.Accepted accepted = Fixtures.acceptance(decision);
                    assertThat(accepted.entry().stageBefore()).isEqualTo(stage);
                    assertThat(accepted.deal().stage()).isEqualTo(accepted.entry().stageAfter());
                    assertThat(accepted.event()).isEqualTo(command.event());
                }
            }
            case FORBIDDEN -> assertThat(Fixtures.rejection(decision))
                    .isEqualTo(DealRejection.forbidden(DealCodes.FORBIDDEN, relation + " may not " + command));
            case ILLEGAL -> assertThat(Fixtures.rejection(decision)).isEqualTo(
                    DealRejection.conflict(DealCodes.ILLEGAL_TRANSITION, command + " is not possible in " + stage));
        }
    }

    /**
     * The sample commands on the fixtures pass the table everywhere the matrix allows them; these are the cases where
     * the command's own rule refuses them, everything else is accepted.
     */
    private static @Nullable String ownRule(CommandType command, Relation relation, DealStage stage) {
        return switch (command) {
            // every stage after INQUIRY has a broker
            case CLAIM, ASSIGN_BROKER -> stage == DealStage.INQUIRY ? null : DealCodes.ALREADY_ASSIGNED;
            // both parties signed the NDA from NDA_SIGNED on
            case SIGN_NDA -> stage.compareTo(DealStage.NDA_SIGNED) >= 0 ? DealCodes.ALREADY_SIGNED : null;
            // the fixtures' listing is negotiated
            case ACCEPT_ASKING_PRICE -> DealCodes.NO_ASKING_PRICE;
            // the seller proposed version 1
            case ACCEPT_TERMS -> relation == Relation.SELLER_TTO ? DealCodes.OWN_PROPOSAL : null;
            // nothing is paid yet in REGISTERED
            case CLOSE -> DealCodes.PAYMENTS_OUTSTANDING;
            default -> null;
        };
    }

    @Test
    void availableCommandsAreTheMatrixCells() {
        for (Relation relation : Relation.values()) {
            for (DealStage stage : DealStage.values()) {
                Set<CommandType> expected = EnumSet.noneOf(CommandType.class);
                for (CommandType command : CommandType.values()) {
                    if (expected(command, relation, stage) == Expected.ALLOWED) {
                        expected.add(command);
                    }
                }
                assertThat(Transitions.available(relation, stage)).as("%s in %s", relation, stage)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void noneAndSellerOthersNeverCommand() {
        for (DealStage stage : DealStage.values()) {
            assertThat(Transitions.available(Relation.NONE, stage)).isEmpty();
            assertThat(Transitions.available(Relation.SELLER_OTHER, stage)).isEmpty();
        }
    }

    @Test
    void endedDealsAcceptNoCommand() {
        for (Relation relation : Relation.values()) {
            for (DealStage stage : List.of(DealStage.WITHDRAWN, DealStage.REJECTED, DealStage.TERMINATED)) {
                assertThat(Transitions.available(relation, stage)).isEmpty();
            }
        }
    }

    @Test
    void theRelationIsJudgedBeforeTheStage() {
        assertThat(Transitions.admit(CommandType.REJECT, Relation.BUYER, DealStage.TERMINATED))
                .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(RejectionKind.FORBIDDEN));
        assertThat(Transitions.admit(CommandType.REJECT, Relation.SELLER_TTO, DealStage.TERMINATED))
                .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(RejectionKind.CONFLICT));
    }

    @Test
    void fixedTargetsMoveFromEveryAllowedStage() {
        Deal agreed = Fixtures.inStage(DealStage.TERMS_AGREED);
        assertThat(Fixtures.apply(agreed, Relation.SELLER_TTO, Fixtures.sample(CommandType.REJECT)).stage())
                .isEqualTo(DealStage.REJECTED);
        assertThat(Fixtures.apply(Fixtures.inStage(DealStage.INQUIRY), Relation.BUYER,
                Fixtures.sample(CommandType.WITHDRAW)).stage()).isEqualTo(DealStage.WITHDRAWN);
        assertThat(Fixtures.apply(Fixtures.inStage(DealStage.CLOSED), Relation.BUYER,
                Fixtures.sample(CommandType.TERMINATE)).stage()).isEqualTo(DealStage.TERMINATED);
    }

    @Test
    void stagesOutsideTheMainPathDoNotMove() {
        Deal registered = Fixtures.inStage(DealStage.REGISTERED);
        Deal paid = Fixtures.apply(registered, Relation.BROKER, Fixtures.sample(CommandType.RECORD_PAYMENT));
        assertThat(paid.stage()).isEqualTo(DealStage.REGISTERED);
        Deal signedLater = Fixtures.apply(
                DealBuilder.from(Fixtures.inStage(DealStage.TERMS_AGREED)).ndaSignatures(List.of()).build(),
                Relation.BUYER, Fixtures.sample(CommandType.SIGN_NDA));
        assertThat(signedLater.stage()).isEqualTo(DealStage.TERMS_AGREED);
        assertThat(signedLater.ndaSignedBy()).containsExactly(Side.BUYER);
    }
}
