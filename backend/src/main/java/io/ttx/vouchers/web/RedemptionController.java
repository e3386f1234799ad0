package io.ttx.vouchers.web;

import io.ttx.identity.CurrentUser;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.Cursors;
import io.ttx.shared.web.FieldErrors;
import io.ttx.shared.web.IdempotencyKeys;
import io.ttx.vouchers.RedemptionReviews;
import io.ttx.vouchers.RedemptionView;
import io.ttx.vouchers.Redemptions;
import io.ttx.vouchers.domain.RedemptionStatus;
import io.ttx.vouchers.web.RedemptionRequests.DecisionRequest;
import io.ttx.vouchers.web.RedemptionRequests.RatingRequest;
import io.ttx.vouchers.web.RedemptionRequests.RedeemRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
class RedemptionController {
    record RedemptionPage(List<RedemptionView> items, @Nullable String nextCursor) { }

    private final Redemptions redemptions;
    private final RedemptionReviews reviews;

    RedemptionController(Redemptions redemptions, RedemptionReviews reviews) {
        this.redemptions = redemptions;
        this.reviews = reviews;
    }

    /** 201 for the redemption, also when the same key and body are sent again (the original result). */
    @PostMapping(path = "/api/v1/vouchers/{id}/redemptions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<RedemptionView>> redeem(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                                @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
                                                @RequestBody RedeemRequest body) {
        String k = IdempotencyKeys.required(key, "each redemption");
        var request = RedemptionRequests.redeem(body);
        return redemptions.redeem(CurrentUser.of(jwt), id, k, request)
            .map(r -> ResponseEntity.created(URI.create("/api/v1/redemptions/" + r.id())).body(r));
    }

    @GetMapping(path = "/api/v1/redemptions", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<RedemptionPage> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable RedemptionStatus status,
                              @RequestParam(required = false) @Nullable String voucherId, @RequestParam(required = false) @Nullable String cursor,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (voucherId != null && voucherId.length() > VoucherRequests.MAX_ID) {
            throw new MalformedInput(List.of(FieldErrors.of("voucherId", "too-long", "at most " + VoucherRequests.MAX_ID + " characters")));
        }
        return reviews.list(CurrentUser.of(jwt), status, voucherId, Cursors.id(cursor), size)
            .map(page -> new RedemptionPage(page.items(), page.items().size() < size ? null : Cursors.ofId(page.last())));
    }

    @GetMapping(path = "/api/v1/redemptions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<RedemptionView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return reviews.get(CurrentUser.of(jwt), id);
    }

    @PostMapping(path = "/api/v1/redemptions/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<RedemptionView> decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody DecisionRequest body) {
        var d = RedemptionRequests.decision(body);
        return reviews.decide(CurrentUser.of(jwt), id, d.getKey(), d.getValue());
    }

    @PostMapping(path = "/api/v1/redemptions/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<RedemptionView>> rate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody RatingRequest body) {
        var r = RedemptionRequests.rating(body);
        return reviews.rate(CurrentUser.of(jwt), id, r.score(), r.comment(), r.complaint()).map(v -> ResponseEntity.status(HttpStatus.CREATED).body(v));
    }
}
