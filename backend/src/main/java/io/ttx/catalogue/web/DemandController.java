package io.ttx.catalogue.web;

import io.ttx.catalogue.DemandInput;
import io.ttx.catalogue.DemandView;
import io.ttx.catalogue.Demands;
import io.ttx.catalogue.ListingAction;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.PendingRevision.RevisionStatus;
import io.ttx.catalogue.rules.Notes;
import io.ttx.catalogue.web.AchievementController.HistoryResponse;
import io.ttx.catalogue.web.AchievementController.NoteRequest;
import io.ttx.catalogue.web.AchievementController.ReviewRequest;
import io.ttx.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
@RequestMapping(path = "/api/v1/demands", produces = MediaType.APPLICATION_JSON_VALUE)
class DemandController {
    private final Demands demands;
    private final ShapeBinder binder;

    DemandController(Demands demands, ShapeBinder binder) {
        this.demands = demands;
        this.binder = binder;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<DemandView>> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody DemandInput body) {
        return demands.create(CurrentUser.of(jwt), body)
            .map(v -> ResponseEntity.created(URI.create("/api/v1/demands/" + v.id())).eTag(v.etag()).body(v));
    }

    @GetMapping
    Mono<ListPage<DemandView>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "false") boolean mine,
                            @RequestParam(required = false) List<ListingStatus> status,
                            @RequestParam(required = false) RevisionStatus revision, @RequestParam(required = false) String cursor,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ListPage.of(demands, jwt, mine, status, revision, cursor, size);
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<DemandView>> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return demands.get(CurrentUser.of(jwt), id).map(DemandController::ok);
    }

    @PatchMapping(path = "/{id}", consumes = "application/merge-patch+json")
    Mono<ResponseEntity<DemandView>> patch(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestBody JsonNode patch) {
        long version = Versions.required(ifMatch);
        return demands.edit(CurrentUser.of(jwt), id, version, current -> binder.mergePatch(current, patch, DemandInput.class))
            .map(DemandController::ok);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return demands.delete(CurrentUser.of(jwt), id, Versions.required(ifMatch)).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/{step:submission|withdrawal|renewal}")
    Mono<ResponseEntity<DemandView>> step(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String step,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestBody(required = false) NoteRequest body) {
        ListingAction action = switch (step) {
            case "submission" -> ListingAction.SUBMIT;
            case "withdrawal" -> ListingAction.WITHDRAW;
            default -> ListingAction.RENEW;
        };
        return demands.step(CurrentUser.of(jwt), id, Versions.ifMatch(ifMatch), action, AchievementController.note(body))
            .map(DemandController::ok);
    }

    @PostMapping(path = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<DemandView>> review(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody ReviewRequest body) {
        return demands.step(CurrentUser.of(jwt), id, Versions.ifMatch(ifMatch), ListingAction.valueOf(body.decision().name()),
                Notes.check(body.note()))
            .map(DemandController::ok);
    }

    @GetMapping("/{id}/history")
    Mono<HistoryResponse> history(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return demands.history(CurrentUser.of(jwt), id).map(HistoryResponse::new);
    }

    private static ResponseEntity<DemandView> ok(DemandView v) {
        return ResponseEntity.ok().eTag(v.etag()).body(v);
    }
}
