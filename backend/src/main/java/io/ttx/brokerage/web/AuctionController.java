package io.ttx.brokerage.web;

import io.ttx.brokerage.AuctionView;
import io.ttx.brokerage.Auctions;
import io.ttx.brokerage.BidResult;
import io.ttx.brokerage.BidView;
import io.ttx.brokerage.web.TradeRequests.BidRequest;
import io.ttx.brokerage.web.TradeRequests.ScheduleAuctionRequest;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.web.Cursors;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

@RestController
class AuctionController {
    record AuctionPage(List<AuctionView> items, @Nullable String nextCursor) { }

    record BidsResponse(List<BidView> items) { }

    private final Auctions auctions;

    AuctionController(Auctions auctions) {
        this.auctions = auctions;
    }

    @PostMapping(path = "/api/v1/auctions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuctionView>> schedule(@AuthenticationPrincipal Jwt jwt, @RequestBody ScheduleAuctionRequest body) {
        var schedule = TradeRequests.schedule(body);
        return auctions.schedule(CurrentUser.of(jwt), schedule)
            .map(v -> ResponseEntity.created(URI.create("/api/v1/auctions/" + v.id())).body(v));
    }

    @GetMapping(path = "/api/v1/auctions", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuctionPage> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable String achievementId,
                           @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return auctions.list(CurrentUser.of(jwt), TradeRequests.achievementFilter(achievementId), Cursors.id(cursor), size)
            .map(items -> new AuctionPage(items, items.size() < size ? null : Cursors.ofId(items.getLast().id())));
    }

    @GetMapping(path = "/api/v1/auctions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuctionView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return auctions.get(CurrentUser.of(jwt), id);
    }

    @GetMapping(path = "/api/v1/auctions/{id}/bids", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<BidsResponse> bids(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return auctions.bids(CurrentUser.of(jwt), id).map(BidsResponse::new);
    }

    @PostMapping(path = "/api/v1/auctions/{id}/bids", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<BidResult>> bid(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                        @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
                                        @RequestBody BidRequest body) {
        String k = TradeRequests.key(key);
        long amount = TradeRequests.bid(body);
        return auctions.bid(CurrentUser.of(jwt), id, k, amount)
            .map(r -> ResponseEntity.created(URI.create("/api/v1/auctions/" + id + "/bids")).body(r));
    }

    @PostMapping(path = "/api/v1/auctions/{id}/cancellation", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuctionView> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return auctions.cancel(CurrentUser.of(jwt), id);
    }
}
