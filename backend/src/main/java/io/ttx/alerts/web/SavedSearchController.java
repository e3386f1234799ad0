package io.ttx.alerts.web;

import io.ttx.alerts.AlertsPage;
import io.ttx.alerts.DeliveryView;
import io.ttx.alerts.SavedSearchView;
import io.ttx.alerts.SavedSearches;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.web.Cursors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/saved-searches", produces = MediaType.APPLICATION_JSON_VALUE)
class SavedSearchController {
    private final SavedSearches savedSearches;

    SavedSearchController(SavedSearches savedSearches) {
        this.savedSearches = savedSearches;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<SavedSearchView>> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CreateSavedSearchRequest body) {
        return savedSearches.create(CurrentUser.of(jwt), body.name(), body.query(), body.webhook() == null ? null : body.webhook().url())
            .map(s -> ResponseEntity.created(URI.create("/api/v1/saved-searches/" + s.id())).body(s));
    }

    @GetMapping
    Mono<Items<SavedSearchView>> list(@AuthenticationPrincipal Jwt jwt) {
        return savedSearches.list(CurrentUser.of(jwt)).map(Items::new);
    }

    @GetMapping("/{id}")
    Mono<SavedSearchView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return savedSearches.get(CurrentUser.of(jwt), id);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return savedSearches.delete(CurrentUser.of(jwt), id).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/{id}/deliveries")
    Mono<AlertsPage<DeliveryView>> deliveries(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                              @RequestParam(required = false) @Nullable String cursor,
                                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return savedSearches.deliveries(CurrentUser.of(jwt), id, Cursors.id(cursor), size)
            .map(p -> new AlertsPage<>(p.items(), Cursors.ofId(p.nextCursor())));
    }

    /** The caller's saved searches: bounded by the per-user limit, so one list without paging. */
    record Items<T>(List<T> items) { }
}
