package io.ttx.vouchers.web;

import io.ttx.identity.CurrentUser;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.FieldErrors;
import io.ttx.shared.web.IdempotencyKeys;
import io.ttx.vouchers.PerformanceView;
import io.ttx.vouchers.RedemptionReviews;
import io.ttx.vouchers.SettlementView;
import io.ttx.vouchers.Settlements;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
class SettlementController {
    record SettlementList(List<SettlementView> items) { }

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private final Settlements settlements;
    private final RedemptionReviews reviews;

    SettlementController(Settlements settlements, RedemptionReviews reviews) {
        this.settlements = settlements;
        this.reviews = reviews;
    }

    /** 201 for the batch, also when the same key is sent again (the same batch). */
    @PostMapping(path = "/api/v1/settlements", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<SettlementView>> create(@AuthenticationPrincipal Jwt jwt,
                                                @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        String k = IdempotencyKeys.required(key, "each settlement batch");
        return settlements.create(CurrentUser.of(jwt), k)
            .map(b -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/settlements/" + b.id())).body(b));
    }

    @GetMapping(path = "/api/v1/settlements", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<SettlementList> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable String period) {
        return settlements.inMonth(CurrentUser.of(jwt), month(period)).map(SettlementList::new);
    }

    @GetMapping(path = "/api/v1/settlements/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<SettlementView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return settlements.get(CurrentUser.of(jwt), id);
    }

    @GetMapping(path = "/api/v1/settlements/{id}/lines.csv", produces = "text/csv")
    Mono<ResponseEntity<String>> csv(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return settlements.csv(CurrentUser.of(jwt), id).map(body -> ResponseEntity.ok().contentType(CSV)
            .header("Content-Disposition", "attachment; filename=\"" + id + "-lines.csv\"").body(body));
    }

    @GetMapping(path = "/api/v1/service-agencies/{id}/performance", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PerformanceView> performance(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestParam(required = false) @Nullable Integer year) {
        if (year != null && (year < 2000 || year > 2100)) throw invalid("year", "out-of-range", "a year from 2000 to 2100");
        return reviews.performance(CurrentUser.of(jwt), id, year);
    }

    /** {@code yyyy-MM}; null for the current month. */
    private static @Nullable YearMonth month(@Nullable String period) {
        if (period == null) return null;
        if (period.length() != 7) throw invalid("period", "invalid", "a month as yyyy-MM");
        try {
            YearMonth m = YearMonth.parse(period);
            if (m.getYear() < 2000 || m.getYear() > 2100) throw invalid("period", "out-of-range", "a month from 2000-01 to 2100-12");
            return m;
        } catch (DateTimeParseException e) {
            throw invalid("period", "invalid", "a month as yyyy-MM");
        }
    }

    private static MalformedInput invalid(String field, String code, String message) {
        return new MalformedInput(List.of(FieldErrors.of(field, code, message)));
    }
}
