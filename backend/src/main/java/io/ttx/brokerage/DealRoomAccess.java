package io.ttx.brokerage;

import io.ttx.brokerage.domain.Actor;
import io.ttx.brokerage.domain.DealRoomRules;
import io.ttx.brokerage.domain.Relation;
import io.ttx.brokerage.persistence.DealDocument;
import io.ttx.documents.RoomAccess;
import io.ttx.documents.RoomKind;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may enter a deal's room: the deal visible to the caller (404 like the deal), then {@link DealRoomRules} (403,
 * 409). Also the documents module's {@link RoomAccess} port for deal rooms, asked when a room document is downloaded
 * by its id: only those who may read the room get its URL.
 */
@Component
class DealRoomAccess implements RoomAccess {
    /** A caller admitted to a room: the deal as read and the caller's relation to it. */
    record Admitted(DealDocument deal, Relation relation) { }

    private final Brokerage brokerage;

    DealRoomAccess(Brokerage brokerage) {
        this.brokerage = brokerage;
    }

    Mono<Admitted> admit(CurrentUser user, String dealId, DealRoomRules.Action action) {
        return brokerage.visible(user, dealId).map(doc -> {
            Relation relation = Actor.of(DealCallers.of(user), doc.deal()).relation();
            DealRoomRules.check(relation, user.has(Role.AUDITOR), doc.deal().stage(), action).ifPresent(r -> {
                throw DealProblem.of(r);
            });
            return new Admitted(doc, relation);
        });
    }

    @Override
    public RoomKind kind() {
        return RoomKind.DEAL;
    }

    @Override
    public Mono<Boolean> mayRead(CurrentUser user, String roomId) {
        return admit(user, roomId, DealRoomRules.Action.READ).thenReturn(true).onErrorResume(DealProblem.class, e -> Mono.just(false));
    }
}
