package io.ttx.brokerage.web;

import io.ttx.brokerage.Brokerage;
import io.ttx.brokerage.DealPage;
import io.ttx.brokerage.DealView;
import io.ttx.brokerage.GrantView;
import io.ttx.brokerage.domain.DealStage;
import io.ttx.brokerage.domain.TrailEntry;
import io.ttx.brokerage.web.DealRequests.CommandRequest;
import io.ttx.brokerage.web.DealRequests.Errors;
import io.ttx.brokerage.web.DealRequests.OpenRequest;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.Cursors;
import io.ttx.shared.web.IfMatch;
import io.ttx.shared.web.FieldErrors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

@RestController
class DealController {
    /** The longest id a route takes (ids are about 25 characters). */
    private static final int MAX_ID = 64;
    /** An inquiry's message, as a note: bounded, stripped, NFC; not kept beyond the trail. */
    private static final int MAX_MESSAGE = 2_000;

    record TrailResponse(List<TrailEntry> items) { }

    record GrantsResponse(List<GrantView> items) { }

    private final Brokerage brokerage;

    DealController(Brokerage brokerage) {
        this.brokerage = brokerage;
    }

    @PostMapping(path = "/api/v1/deals", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<DealView>> open(@AuthenticationPrincipal Jwt jwt, @RequestBody OpenRequest body) {
        Errors e = new Errors();
        String achievementId = e.text("achievementId", body.achievementId(), MAX_ID);
        String demandId = e.optionalText("demandId", body.demandId(), MAX_ID);
        String message = e.optionalText("message", body.message(), MAX_MESSAGE);
        var mode = e.required("intendedMode", body.intendedMode());
        if (!e.ok()) throw e.failure();
        return brokerage.open(CurrentUser.of(jwt), achievementId, demandId, mode, message)
            .map(v -> ResponseEntity.created(URI.create("/api/v1/deals/" + v.id())).eTag(v.etag()).body(v));
    }

    @GetMapping(path = "/api/v1/deals", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DealPage> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable DealStage stage,
                        @RequestParam(required = false) @Nullable String achievementId, @RequestParam(required = false) @Nullable String view,
                        @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (view != null && !view.equals("broker")) throw new MalformedInput(List.of(FieldErrors.of("view", "invalid", "the only view is broker")));
        if (achievementId != null && achievementId.length() > MAX_ID) {
            throw new MalformedInput(List.of(FieldErrors.of("achievementId", "too-long", "at most " + MAX_ID + " characters")));
        }
        return brokerage.list(CurrentUser.of(jwt), stage, achievementId, Cursors.id(cursor), size, view != null)
            .map(p -> new DealPage(p.items(), Cursors.ofId(p.nextCursor())));
    }

    @GetMapping(path = "/api/v1/deals/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<DealView>> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return brokerage.get(CurrentUser.of(jwt), id).map(DealController::ok);
    }

    @GetMapping(path = "/api/v1/deals/{id}/trail", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<TrailResponse> trail(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return brokerage.trail(CurrentUser.of(jwt), id).map(TrailResponse::new);
    }

    @PostMapping(path = "/api/v1/deals/{id}/commands", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<DealView>> command(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                           @RequestBody CommandRequest body) {
        var command = DealRequests.command(body);
        return brokerage.command(CurrentUser.of(jwt), id, IfMatch.version(ifMatch), command).map(DealController::ok);
    }

    @GetMapping(path = "/api/v1/achievements/{id}/grants", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<GrantsResponse> grants(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return brokerage.grants(CurrentUser.of(jwt), id).map(GrantsResponse::new);
    }

    private static ResponseEntity<DealView> ok(DealView v) {
        return ResponseEntity.ok().eTag(v.etag()).body(v);
    }
}
