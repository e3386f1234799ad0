package io.ttx.vouchers.web;

import io.ttx.identity.CurrentUser;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.Cursors;
import io.ttx.shared.web.FieldErrors;
import io.ttx.vouchers.LedgerView;
import io.ttx.vouchers.VoucherLedger;
import io.ttx.vouchers.VoucherView;
import io.ttx.vouchers.web.VoucherRequests.IssueRequest;
import io.ttx.vouchers.web.VoucherRequests.RevocationRequest;
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
class VoucherController {
    record VoucherPage(List<VoucherView> items, @Nullable String nextCursor) { }

    record LedgerResponse(List<LedgerView> items) { }

    private final VoucherLedger ledger;

    VoucherController(VoucherLedger ledger) {
        this.ledger = ledger;
    }

    @PostMapping(path = "/api/v1/voucher-programmes/{id}/vouchers", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<VoucherView>> issue(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody IssueRequest body) {
        var request = VoucherRequests.issue(body);
        return ledger.issue(CurrentUser.of(jwt), id, request).map(v -> ResponseEntity.created(URI.create("/api/v1/vouchers/" + v.id())).body(v));
    }

    @GetMapping(path = "/api/v1/vouchers", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<VoucherPage> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable String programmeId,
                           @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (programmeId != null && programmeId.length() > VoucherRequests.MAX_ID) {
            throw new MalformedInput(List.of(FieldErrors.of("programmeId", "too-long", "at most " + VoucherRequests.MAX_ID + " characters")));
        }
        return ledger.list(CurrentUser.of(jwt), programmeId, Cursors.id(cursor), size)
            .map(items -> new VoucherPage(items, items.size() < size ? null : Cursors.ofId(items.getLast().id())));
    }

    @GetMapping(path = "/api/v1/vouchers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<VoucherView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return ledger.get(CurrentUser.of(jwt), id);
    }

    @PostMapping(path = "/api/v1/vouchers/{id}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<VoucherView> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody RevocationRequest body) {
        String reason = VoucherRequests.reason(body);
        return ledger.revoke(CurrentUser.of(jwt), id, reason);
    }

    @GetMapping(path = "/api/v1/vouchers/{id}/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<LedgerResponse> ledger(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return ledger.ledger(CurrentUser.of(jwt), id).map(LedgerResponse::new);
    }
}
