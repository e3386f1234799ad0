package io.ttx.search.web;

import io.ttx.identity.CurrentUser;
import io.ttx.search.reindex.ReindexJob;
import io.ttx.search.reindex.Reindexer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/** Admin: rebuild the search indices from MongoDB without downtime (202 and a job to follow). */
@RestController
class ReindexController {
    private final Reindexer reindexer;

    ReindexController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    /** Optional body {@code {"indices": ["achievements"]}}; without it every index is rebuilt. */
    @PostMapping(path = "/api/v1/admin/search/reindex", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ReindexJob>> start(@AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) @Valid @Nullable Request body) {
        List<String> indices = body == null || body.indices() == null ? List.of() : body.indices();
        return reindexer.start(CurrentUser.of(jwt), indices)
            .map(job -> ResponseEntity.accepted().location(URI.create("/api/v1/admin/search/reindex/" + job.id())).body(job));
    }

    @GetMapping(path = "/api/v1/admin/search/reindex/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ReindexJob> get(@PathVariable String id) {
        return reindexer.get(id);
    }

    /** At most one entry per index (two indices exist); names are checked by the reindexer (400 unknown-index). */
    record Request(@Nullable @Size(max = 2) List<@Size(max = 40) String> indices) { }
}
