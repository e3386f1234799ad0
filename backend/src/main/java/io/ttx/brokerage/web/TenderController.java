package io.ttx.brokerage.web;

import io.ttx.brokerage.OfferView;
import io.ttx.brokerage.TenderView;
import io.ttx.brokerage.Tenders;
import io.ttx.brokerage.web.TradeRequests.AwardRequest;
import io.ttx.brokerage.web.TradeRequests.InviteTendersRequest;
import io.ttx.brokerage.web.TradeRequests.OfferRequest;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.web.Cursors;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

@RestController
class TenderController {
    record TenderPage(List<TenderView> items, @Nullable String nextCursor) { }

    record OffersResponse(List<OfferView> items) { }

    record AwardResponse(String dealId) { }

    private final Tenders tenders;

    TenderController(Tenders tenders) {
        this.tenders = tenders;
    }

    @PostMapping(path = "/api/v1/tenders", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TenderView>> invite(@AuthenticationPrincipal Jwt jwt, @RequestBody InviteTendersRequest body) {
        var i = TradeRequests.invitation(body);
        return tenders.invite(CurrentUser.of(jwt), i.achievementId(), i.minimumPrice(), i.closesAt(), i.termSheet())
            .map(v -> ResponseEntity.created(URI.create("/api/v1/tenders/" + v.id())).body(v));
    }

    @GetMapping(path = "/api/v1/tenders", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<TenderPage> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable String achievementId,
                          @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return tenders.list(CurrentUser.of(jwt), TradeRequests.achievementFilter(achievementId), Cursors.id(cursor), size)
            .map(items -> new TenderPage(items, items.size() < size ? null : Cursors.ofId(items.getLast().id())));
    }

    @GetMapping(path = "/api/v1/tenders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<TenderView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return tenders.get(CurrentUser.of(jwt), id);
    }

    @PostMapping(path = "/api/v1/tenders/{id}/offers", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<OfferView>> offer(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody OfferRequest body) {
        var o = TradeRequests.offer(body);
        return tenders.offer(CurrentUser.of(jwt), id, o.amount(), o.proposal())
            .map(r -> ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r.offer()));
    }

    @GetMapping(path = "/api/v1/tenders/{id}/offers", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<OffersResponse> offers(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return tenders.offers(CurrentUser.of(jwt), id).map(OffersResponse::new);
    }

    @PostMapping(path = "/api/v1/tenders/{id}/award", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AwardResponse>> award(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody AwardRequest body) {
        String offerId = TradeRequests.offerId(body);
        return tenders.award(CurrentUser.of(jwt), id, offerId)
            .map(dealId -> ResponseEntity.created(URI.create("/api/v1/deals/" + dealId)).body(new AwardResponse(dealId)));
    }

    @PostMapping(path = "/api/v1/tenders/{id}/cancellation", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<TenderView> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return tenders.cancel(CurrentUser.of(jwt), id);
    }
}
