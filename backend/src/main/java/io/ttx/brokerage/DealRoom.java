package io.ttx.brokerage;

import io.ttx.brokerage.domain.DealCodes;
import io.ttx.brokerage.domain.DealRoomRules;
import io.ttx.brokerage.domain.DealRoomRules.Action;
import io.ttx.brokerage.domain.RoomSide;
import io.ttx.brokerage.persistence.DealStore;
import io.ttx.brokerage.persistence.MessageDocument;
import io.ttx.brokerage.persistence.MessageStore;
import io.ttx.brokerage.persistence.RoomCounter;
import io.ttx.documents.Room;
import io.ttx.documents.RoomDocuments;
import io.ttx.documents.RoomKind;
import io.ttx.documents.Uploader;
import io.ttx.documents.Uploads;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A deal's room (module API): its confidential documents and its messages. Who may read and write is
 * {@link DealRoomRules} after the deal's own visibility (404). Neither a document nor a message is a deal command: the
 * deal's version, ETag, trail and stage stay as they are. Each room is bounded (ttx.brokerage.room-documents,
 * room-messages; 409 limit-reached) by a counter on the deal's document, taken before the work and given back when the
 * work fails or is cancelled, so concurrent posts never pass the bound.
 */
@Service
public class DealRoom {
    private static final String MESSAGE_PREFIX = "msg";

    private final DealRoomAccess access;
    private final DealStore deals;
    private final MessageStore messages;
    private final RoomDocuments documents;
    private final Uploads uploads;
    private final BrokerageProperties props;
    private final Clock clock;

    DealRoom(DealRoomAccess access, DealStore deals, MessageStore messages, RoomDocuments documents, Uploads uploads,
             BrokerageProperties props, Clock clock) {
        this.access = access;
        this.deals = deals;
        this.messages = messages;
        this.documents = documents;
        this.uploads = uploads;
        this.props = props;
        this.clock = clock;
    }

    /** The room's documents, oldest first (all of them: a room holds at most ttx.brokerage.room-documents). */
    public Mono<List<DealRoomDocumentView>> documents(CurrentUser user, String dealId) {
        return access.admit(user, dealId, Action.READ)
            .flatMap(a -> documents.list(room(dealId), props.roomDocuments()).map(DealRoomDocumentView::of).collectList());
    }

    /** Streams a document into the room (the seller's TTO, the buyer or the broker, while the deal is open). */
    public Mono<DealRoomDocumentView> upload(CurrentUser user, String dealId, Flux<PartEvent> parts) {
        return access.admit(user, dealId, Action.UPLOAD_DOCUMENT).flatMap(a -> {
            Uploader uploader = new Uploader(user.subject(), user.org(), DealRoomRules.side(a.relation()).name());
            return withSlot(dealId, RoomCounter.DOCUMENTS, props.roomDocuments(),
                () -> uploads.upload(room(dealId), uploader, parts).map(DealRoomDocumentView::of));
        });
    }

    /** The room's messages, newest first, {@code size} of them below the message {@code before}. */
    public Mono<DealMessagePage> messages(CurrentUser user, String dealId, @Nullable String before, int size) {
        return access.admit(user, dealId, Action.READ).flatMap(a -> messages.page(dealId, before, size + 1).collectList()).map(found -> {
            boolean more = found.size() > size;
            List<MessageDocument> page = more ? found.subList(0, size) : found;
            return new DealMessagePage(page.stream().map(DealMessageView::of).toList(), more ? page.getLast().id() : null);
        });
    }

    /** Posts a message (the parties' TTO and enterprise users, the broker, admins, while the deal is open); {@code text} is checked. */
    public Mono<DealMessageView> post(CurrentUser user, String dealId, String text) {
        return access.admit(user, dealId, Action.POST_MESSAGE).flatMap(a -> {
            RoomSide side = DealRoomRules.side(a.relation());
            return withSlot(dealId, RoomCounter.MESSAGES, props.roomMessages(), () -> {
                Instant now = clock.instant();
                return messages.insert(new MessageDocument(Ids.next(MESSAGE_PREFIX, now), dealId, user.subject(), user.org(), side, text, now))
                    .map(DealMessageView::of);
            });
        });
    }

    /**
     * Runs {@code work} holding one of the room's slots: taken atomically while the deal is open and below {@code limit}
     * (else 409 deal-ended or limit-reached), given back when the work fails or its caller goes away.
     */
    private <T> Mono<T> withSlot(String dealId, RoomCounter counter, int limit, Supplier<Mono<T>> work) {
        Mono<String> slot = deals.takeRoomSlot(dealId, counter, limit)
            .flatMap(taken -> taken ? Mono.just(dealId) : refusal(dealId, counter, limit));
        return Mono.usingWhen(slot, id -> work.get(), id -> Mono.empty(),
            (id, failure) -> deals.releaseRoomSlot(id, counter), id -> deals.releaseRoomSlot(id, counter));
    }

    /** Why no slot was free: the deal ended since it was read, or the room is full. */
    private Mono<String> refusal(String dealId, RoomCounter counter, int limit) {
        return deals.find(dealId).switchIfEmpty(Mono.error(() -> DealProblem.notFound(dealId))).flatMap(doc -> Mono.error(
            doc.deal().stage().isOpen()
                ? DealProblem.conflict(DealCodes.LIMIT_REACHED, "The deal's room holds the most " + noun(counter) + " it may (" + limit + ").")
                : DealProblem.conflict(DealCodes.DEAL_ENDED, "The deal is " + doc.deal().stage() + "; its room is read-only.")));
    }

    private static String noun(RoomCounter counter) {
        return counter == RoomCounter.DOCUMENTS ? "documents" : "messages";
    }

    private static Room room(String dealId) {
        return new Room(RoomKind.DEAL, dealId);
    }
}
