package io.ttx.shared.outbox.web;

import io.ttx.shared.outbox.DeadLetterPage;
import io.ttx.shared.outbox.DeadLetters;
import io.ttx.shared.web.Cursors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admin: the events a consumer gave up on, and putting one back for its consumer (role rule in identity). */
@RestController
@RequestMapping(path = "/api/v1/admin/outbox/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {
    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Mono<DeadLetterPage> list(@RequestParam(required = false) @Nullable String cursor,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return deadLetters.page(Cursors.id(cursor), size).map(p -> new DeadLetterPage(p.items(), Cursors.ofId(p.nextCursor())));
    }

    @PostMapping("/{id}/retry")
    Mono<ResponseEntity<Void>> retry(@PathVariable String id) {
        return deadLetters.retry(id).then(Mono.fromSupplier(() -> ResponseEntity.accepted().<Void>build()));
    }
}
