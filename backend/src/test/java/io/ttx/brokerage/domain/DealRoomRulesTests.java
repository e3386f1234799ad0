package io.ttx.brokerage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttx.brokerage.domain.DealRoomRules.Action;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may read and write a deal's room, over every relation x stage x action, written out by hand. */
class DealRoomRulesTests {
    private static final Map<Action, Set<Relation>> WHO = Map.of(
        Action.READ, EnumSet.of(Relation.SELLER_TTO, Relation.SELLER_OTHER, Relation.BUYER, Relation.BROKER, Relation.ADMIN),
        Action.POST_MESSAGE, EnumSet.of(Relation.SELLER_TTO, Relation.BUYER, Relation.BROKER, Relation.ADMIN),
        Action.UPLOAD_DOCUMENT, EnumSet.of(Relation.SELLER_TTO, Relation.BUYER, Relation.BROKER));
    private static final Set<DealStage> ENDED = EnumSet.of(DealStage.WITHDRAWN, DealStage.REJECTED, DealStage.TERMINATED);

    @Test
    void everyRelationStageAndActionIsDecidedAsWritten() {
        int checked = 0;
        for (Action action : Action.values()) {
            for (Relation relation : Relation.values()) {
                for (DealStage stage : DealStage.values()) {
                    Optional<DealRejection> r = DealRoomRules.check(relation, false, stage, action);
                    String where = action + " " + relation + " " + stage;
                    if (!WHO.get(action).contains(relation)) {
                        assertThat(r).as(where).hasValueSatisfying(x -> {
                            assertThat(x.code()).isEqualTo(DealCodes.FORBIDDEN);
                            assertThat(x.kind()).isEqualTo(RejectionKind.FORBIDDEN);
                        });
                    } else if (action != Action.READ && ENDED.contains(stage)) {
                        assertThat(r).as(where).hasValueSatisfying(x -> {
                            assertThat(x.code()).isEqualTo(DealCodes.DEAL_ENDED);
                            assertThat(x.kind()).isEqualTo(RejectionKind.CONFLICT);
                        });
                    } else {
                        assertThat(r).as(where).isEmpty();
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(Action.values().length * Relation.values().length * DealStage.values().length);
    }

    @Test
    void auditorsReadByRoleAndWriteNothing() {
        for (DealStage stage : DealStage.values()) {
            assertThat(DealRoomRules.check(Relation.NONE, true, stage, Action.READ)).isEmpty();
            assertThat(DealRoomRules.check(Relation.NONE, true, stage, Action.POST_MESSAGE)).get()
                .extracting(DealRejection::code).isEqualTo(DealCodes.FORBIDDEN);
            assertThat(DealRoomRules.check(Relation.NONE, true, stage, Action.UPLOAD_DOCUMENT)).get()
                .extracting(DealRejection::code).isEqualTo(DealCodes.FORBIDDEN);
        }
    }

    /** The relation is checked before the stage: a researcher learns nothing about an ended deal from a refused post. */
    @Test
    void aRelationThatMayNeverWriteIsForbiddenEvenOnAnEndedDeal() {
        assertThat(DealRoomRules.check(Relation.SELLER_OTHER, false, DealStage.WITHDRAWN, Action.POST_MESSAGE)).get()
            .extracting(DealRejection::code).isEqualTo(DealCodes.FORBIDDEN);
        assertThat(DealRoomRules.check(Relation.UNASSIGNED_BROKER, false, DealStage.INQUIRY, Action.READ)).get()
            .extracting(DealRejection::detail).asString().contains("claims the deal");
    }

    @Test
    void writersSpeakForTheirSide() {
        assertThat(DealRoomRules.side(Relation.SELLER_TTO)).isEqualTo(RoomSide.SELLER);
        assertThat(DealRoomRules.side(Relation.BUYER)).isEqualTo(RoomSide.BUYER);
        assertThat(DealRoomRules.side(Relation.BROKER)).isEqualTo(RoomSide.BROKER);
        assertThat(DealRoomRules.side(Relation.ADMIN)).isEqualTo(RoomSide.ADMIN);
        assertThatThrownBy(() -> DealRoomRules.side(Relation.SELLER_OTHER)).isInstanceOf(IllegalArgumentException.class);
    }
}
