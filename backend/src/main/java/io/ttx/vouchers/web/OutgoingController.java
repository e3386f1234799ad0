package io.ttx.vouchers.web;

import io.ttx.catalogue.Money;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.web.IdempotencyKeys;
import io.ttx.shared.web.RequestErrors;
import io.ttx.vouchers.FederatedRedemptionView;
import io.ttx.vouchers.OutgoingRedemptions;
import io.ttx.vouchers.domain.Category;
import io.ttx.vouchers.domain.RedemptionRequest;
import io.ttx.vouchers.domain.VoucherLimits;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Our agencies' redemptions of vouchers other platforms issued (TTX as the client of the voucher federation). */
@RestController
class OutgoingController {
    record OutgoingRequest(@Nullable String issuerRegion, @Nullable String voucherId, @Nullable String invoiceNumber, @Nullable Money invoiceAmount,
                           @Nullable Category category, @Nullable String serviceDescription) { }

    private final OutgoingRedemptions outgoing;

    OutgoingController(OutgoingRedemptions outgoing) {
        this.outgoing = outgoing;
    }

    /** 201 with the issuer's status, 202 while it is not known yet; the same key answers the final outcome. */
    @PostMapping(path = "/api/v1/federated-redemptions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<FederatedRedemptionView>> redeem(@AuthenticationPrincipal Jwt jwt,
                                                         @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
                                                         @RequestBody OutgoingRequest body) {
        String k = IdempotencyKeys.required(key, "each redemption");
        RequestErrors e = new RequestErrors();
        String region = e.text("issuerRegion", body.issuerRegion(), 6);
        if (region != null && !region.matches("[0-9]{2}0000")) e.add("issuerRegion", "invalid", "a province code (six digits ending 0000)");
        String voucherId = e.text("voucherId", body.voucherId(), VoucherRequests.MAX_ID);
        String invoice = RedemptionRequests.invoiceNumber(e, body.invoiceNumber());
        Long amount = e.money("invoiceAmount", body.invoiceAmount(), true);
        Category category = e.required("category", body.category());
        String description = e.text("serviceDescription", body.serviceDescription(), VoucherLimits.TEXT);
        if (!e.ok() || region == null || voucherId == null || invoice == null || amount == null || category == null || description == null) {
            throw e.failure();
        }
        var o = new OutgoingRedemptions.Outgoing(region, voucherId, new RedemptionRequest(invoice, amount, category, description, null));
        return outgoing.redeem(CurrentUser.of(jwt), k, o).map(v -> ResponseEntity.status(v.status().equals("PENDING") ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
            .location(URI.create("/api/v1/federated-redemptions/" + v.id())).body(v));
    }

    @GetMapping(path = "/api/v1/federated-redemptions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<FederatedRedemptionView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return outgoing.get(CurrentUser.of(jwt), id);
    }
}
