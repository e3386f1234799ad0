package io.ttx.brokerage.web;

import io.ttx.brokerage.DealMessagePage;
import io.ttx.brokerage.DealMessageView;
import io.ttx.brokerage.DealRoom;
import io.ttx.brokerage.DealRoomDocumentView;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.web.FieldProblem;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.Texts;
import io.ttx.shared.web.Cursors;
import io.ttx.shared.web.FieldErrors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/** The deal room: its documents (multipart uploads, streamed) and its messages. */
@RestController
class DealRoomController {
    /** A message, in code points of its NFC form. */
    static final int MAX_TEXT = 4_000;

    record DocumentsResponse(List<DealRoomDocumentView> items) { }

    record PostMessageRequest(@Nullable String text) { }

    private final DealRoom room;

    DealRoomController(DealRoom room) {
        this.room = room;
    }

    /** 201 with the document's metadata; {@code Location} is where its bytes are fetched. */
    @PostMapping(path = "/api/v1/deals/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<DealRoomDocumentView>> upload(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                      @RequestBody Flux<PartEvent> parts) {
        return room.upload(CurrentUser.of(jwt), id, parts)
            .map(d -> ResponseEntity.created(URI.create("/api/v1/documents/" + d.id() + "/content")).body(d));
    }

    @GetMapping(path = "/api/v1/deals/{id}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DocumentsResponse> documents(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return room.documents(CurrentUser.of(jwt), id).map(DocumentsResponse::new);
    }

    /** The text is checked before the deal is read: 400 when missing or blank, 422 text-too-long above 4,000 characters. */
    @PostMapping(path = "/api/v1/deals/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<DealMessageView>> post(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody PostMessageRequest body) {
        Texts.Checked text = Texts.check(body.text(), MAX_TEXT);
        if (text.tooLong()) throw FieldProblem.of("text-too-long", "text", "at most " + MAX_TEXT + " characters");
        String stored = text.text();
        if (stored == null) {
            throw new MalformedInput(List.of(FieldErrors.of("text", "required", body.text() == null ? "must be given" : "must not be blank")));
        }
        return room.post(CurrentUser.of(jwt), id, stored).map(m -> ResponseEntity.status(HttpStatus.CREATED).body(m));
    }

    @GetMapping(path = "/api/v1/deals/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DealMessagePage> messages(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                   @RequestParam(required = false) @Nullable String cursor,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return room.messages(CurrentUser.of(jwt), id, Cursors.id(cursor), size)
            .map(p -> new DealMessagePage(p.items(), Cursors.ofId(p.nextCursor())));
    }
}
