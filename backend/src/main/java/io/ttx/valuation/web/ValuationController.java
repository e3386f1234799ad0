package io.ttx.valuation.web;

import io.ttx.catalogue.AchievementView;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.web.Cursors;
import io.ttx.valuation.ResultPage;
import io.ttx.valuation.ValuationInput;
import io.ttx.valuation.ValuationView;
import io.ttx.valuation.Valuations;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

@RestController
class ValuationController {
    static final String HTML = "text/html;charset=UTF-8";
    /** The report is self-contained: inline styles and SVG, no script, no external resource. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private final Valuations valuations;

    ValuationController(Valuations valuations) {
        this.valuations = valuations;
    }

    @PostMapping(path = "/api/v1/achievements/{id}/valuations", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ValuationView>> create(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                               @RequestBody ValuationInput body) {
        return valuations.create(CurrentUser.of(jwt), id, body)
            .map(v -> ResponseEntity.created(URI.create("/api/v1/valuations/" + v.id())).body(v));
    }

    @GetMapping(path = "/api/v1/achievements/{id}/valuations", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResultPage<ValuationView>> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                         @RequestParam(required = false) @Nullable String cursor,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return valuations.list(CurrentUser.of(jwt), id, Cursors.id(cursor), size)
            .map(p -> new ResultPage<>(p.items(), Cursors.ofId(p.nextCursor())));
    }

    @GetMapping(path = "/api/v1/valuations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ValuationView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return valuations.get(CurrentUser.of(jwt), id);
    }

    @GetMapping(path = "/api/v1/valuations/{id}/report", produces = HTML)
    Mono<ResponseEntity<String>> report(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return valuations.get(CurrentUser.of(jwt), id).map(v -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(HTML))
            .cacheControl(CacheControl.noStore())
            .header("Content-Security-Policy", REPORT_POLICY)
            .body(ValuationReport.render(v)));
    }

    /** The valuation's recommended range becomes the listing's public price hint; answers the updated listing. */
    @PostMapping(path = "/api/v1/valuations/{id}/publication", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AchievementView>> publish(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return valuations.publish(CurrentUser.of(jwt), id).map(a -> ResponseEntity.ok().eTag(a.etag()).body(a));
    }
}
