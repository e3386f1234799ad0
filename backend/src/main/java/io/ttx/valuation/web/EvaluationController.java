package io.ttx.valuation.web;

import io.ttx.identity.CurrentUser;
import io.ttx.shared.web.Cursors;
import io.ttx.valuation.EvaluationInput;
import io.ttx.valuation.EvaluationView;
import io.ttx.valuation.Evaluations;
import io.ttx.valuation.ResultPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/v1/achievements/{id}/evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
class EvaluationController {
    private final Evaluations evaluations;

    EvaluationController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<EvaluationView>> create(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                @Valid @RequestBody EvaluationInput body) {
        return evaluations.create(CurrentUser.of(jwt), id, body).map(e -> ResponseEntity.status(201).body(e));
    }

    @GetMapping
    Mono<ResultPage<EvaluationView>> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                          @RequestParam(required = false) @Nullable String cursor,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return evaluations.list(CurrentUser.of(jwt), id, Cursors.id(cursor), size)
            .map(p -> new ResultPage<>(p.items(), Cursors.ofId(p.nextCursor())));
    }
}
