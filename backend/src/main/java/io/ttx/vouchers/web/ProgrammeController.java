package io.ttx.vouchers.web;

import io.ttx.identity.CurrentUser;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.Cursors;
import io.ttx.shared.web.FieldErrors;
import io.ttx.vouchers.ProgrammeView;
import io.ttx.vouchers.VoucherProgrammes;
import io.ttx.vouchers.web.VoucherRequests.CreateProgrammeRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

@RestController
class ProgrammeController {
    record ProgrammePage(List<ProgrammeView> items, @Nullable String nextCursor) { }

    private final VoucherProgrammes programmes;

    ProgrammeController(VoucherProgrammes programmes) {
        this.programmes = programmes;
    }

    @PostMapping(path = "/api/v1/voucher-programmes", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ProgrammeView>> create(@AuthenticationPrincipal Jwt jwt, @RequestBody CreateProgrammeRequest body) {
        var draft = VoucherRequests.programme(body);
        return programmes.create(CurrentUser.of(jwt), draft)
            .map(v -> ResponseEntity.created(URI.create("/api/v1/voucher-programmes/" + v.id())).body(v));
    }

    @GetMapping(path = "/api/v1/voucher-programmes", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProgrammePage> list(@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable String cursor,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (region != null && region.length() > 6) throw new MalformedInput(List.of(FieldErrors.of("region", "too-long", "at most 6 characters")));
        return programmes.list(region, Cursors.id(cursor), size)
            .map(items -> new ProgrammePage(items, items.size() < size ? null : Cursors.ofId(items.getLast().id())));
    }

    @GetMapping(path = "/api/v1/voucher-programmes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProgrammeView> get(@PathVariable String id) {
        return programmes.get(id);
    }
}
