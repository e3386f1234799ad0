package io.ttx.catalogue.web;

import io.ttx.catalogue.AchievementInput;
import io.ttx.catalogue.AchievementView;
import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.HistoryEntry;
import io.ttx.catalogue.ListingAction;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.PendingRevision.RevisionStatus;
import io.ttx.catalogue.rules.Notes;
import io.ttx.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.*;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/achievements", produces = MediaType.APPLICATION_JSON_VALUE)
class AchievementController {
    /** The note of a lifecycle step; its bound is a catalogue rule (422 text-too-long, see {@link Notes}). */
    record NoteRequest(@Nullable String note) { }

    record ReviewRequest(@NotNull Decision decision, @Nullable String note) { }

    enum Decision { APPROVE, REQUEST_CHANGES, REJECT }

    record HistoryResponse(List<HistoryEntry> items) { }

    private final Achievements achievements;
    private final ShapeBinder binder;

    AchievementController(Achievements achievements, ShapeBinder binder) {
        this.achievements = achievements;
        this.binder = binder;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AchievementView>> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AchievementInput body) {
        return achievements.create(CurrentUser.of(jwt), body)
            .map(v -> ResponseEntity.created(URI.create("/api/v1/achievements/" + v.id())).eTag(v.etag()).body(v));
    }

    @GetMapping
    Mono<ListPage<AchievementView>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "false") boolean mine,
                            @RequestParam(required = false) List<ListingStatus> status,
                            @RequestParam(required = false) RevisionStatus revision, @RequestParam(required = false) String cursor,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ListPage.of(achievements, jwt, mine, status, revision, cursor, size);
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<AchievementView>> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return achievements.get(CurrentUser.of(jwt), id).map(AchievementController::ok);
    }

    @PatchMapping(path = "/{id}", consumes = "application/merge-patch+json")
    Mono<ResponseEntity<AchievementView>> patch(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestBody JsonNode patch) {
        long version = Versions.required(ifMatch);
        return achievements.edit(CurrentUser.of(jwt), id, version, current -> binder.mergePatch(current, patch, AchievementInput.class))
            .map(AchievementController::ok);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = Versions.required(ifMatch);
        return achievements.delete(CurrentUser.of(jwt), id, version).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/submission")
    Mono<ResponseEntity<AchievementView>> submit(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody(required = false) NoteRequest body) {
        return step(jwt, id, ifMatch, ListingAction.SUBMIT, body);
    }

    @PostMapping("/{id}/withdrawal")
    Mono<ResponseEntity<AchievementView>> withdraw(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @RequestBody(required = false) NoteRequest body) {
        return step(jwt, id, ifMatch, ListingAction.WITHDRAW, body);
    }

    @PostMapping("/{id}/renewal")
    Mono<ResponseEntity<AchievementView>> renew(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestBody(required = false) NoteRequest body) {
        return step(jwt, id, ifMatch, ListingAction.RENEW, body);
    }

    @PostMapping(path = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AchievementView>> review(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody ReviewRequest body) {
        ListingAction action = ListingAction.valueOf(body.decision().name());
        return achievements.step(CurrentUser.of(jwt), id, Versions.ifMatch(ifMatch), action, Notes.check(body.note()))
            .map(AchievementController::ok);
    }

    @GetMapping("/{id}/history")
    Mono<HistoryResponse> history(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return achievements.history(CurrentUser.of(jwt), id).map(HistoryResponse::new);
    }

    private Mono<ResponseEntity<AchievementView>> step(Jwt jwt, String id, String ifMatch, ListingAction action, NoteRequest body) {
        return achievements.step(CurrentUser.of(jwt), id, Versions.ifMatch(ifMatch), action, note(body))
            .map(AchievementController::ok);
    }

    /** The note of a step, bounded and normalised before anything is read (422 text-too-long). */
    static @Nullable String note(@Nullable NoteRequest body) {
        return body == null ? null : Notes.check(body.note());
    }

    private static ResponseEntity<AchievementView> ok(AchievementView v) {
        return ResponseEntity.ok().eTag(v.etag()).body(v);
    }
}
