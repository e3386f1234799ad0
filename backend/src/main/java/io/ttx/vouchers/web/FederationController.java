package io.ttx.vouchers.web;

import io.ttx.catalogue.Money;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.Uscc;
import io.ttx.shared.web.IdempotencyKeys;
import io.ttx.shared.web.RequestErrors;
import io.ttx.vouchers.AuthorizationView;
import io.ttx.vouchers.FederatedRedemptions;
import io.ttx.vouchers.domain.Category;
import io.ttx.vouchers.domain.RedemptionRequest;
import io.ttx.vouchers.domain.VoucherLimits;
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

/** The issuer's side of the voucher federation protocol (frontend-api-spec/voucher-federation.yaml), for peers. */
@RestController
class FederationController {
    record AuthorizeRequest(@Nullable String voucherId, @Nullable String providerRegion, @Nullable String providerOrg,
                            @Nullable String providerController, @Nullable String providerAdmittedRegion, @Nullable String invoiceNumber,
                            @Nullable Money invoiceAmount, @Nullable Category category, @Nullable String idempotencyKey) { }

    private final FederatedRedemptions federated;

    FederationController(FederatedRedemptions federated) {
        this.federated = federated;
    }

    @PostMapping(path = "/federation/v1/authorizations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthorizationView>> authorize(@AuthenticationPrincipal Jwt jwt, @RequestBody AuthorizeRequest body) {
        RequestErrors e = new RequestErrors();
        String voucherId = e.text("voucherId", body.voucherId(), VoucherRequests.MAX_ID);
        String region = province(e, "providerRegion", body.providerRegion());
        String org = e.text("providerOrg", body.providerOrg(), 18);
        if (org != null && (org.length() != 18 || !Uscc.isValid(org))) e.add("providerOrg", "invalid", "not a unified social credit code");
        String controller = e.text("providerController", body.providerController(), VoucherLimits.CONTROLLER);
        String admitted = province(e, "providerAdmittedRegion", body.providerAdmittedRegion());
        String invoice = RedemptionRequests.invoiceNumber(e, body.invoiceNumber());
        Long amount = e.money("invoiceAmount", body.invoiceAmount(), true);
        Category category = e.required("category", body.category());
        String key = e.required("idempotencyKey", body.idempotencyKey());
        if (!e.ok() || voucherId == null || region == null || org == null || controller == null || admitted == null || invoice == null
            || amount == null || category == null || key == null) {
            throw e.failure();
        }
        String k = IdempotencyKeys.required(key, "each authorization");
        var request = new RedemptionRequest(invoice, amount, category, "federated redemption", null);
        var provider = new FederatedRedemptions.Provider(region, org, controller, admitted);
        return federated.authorize(CurrentUser.of(jwt), voucherId, k, request, provider)
            .map(a -> ResponseEntity.created(URI.create("/federation/v1/authorizations/" + a.authorizationId())).body(a));
    }

    private static @Nullable String province(RequestErrors e, String field, @Nullable String raw) {
        String code = e.text(field, raw, 6);
        if (code != null && !code.matches("[0-9]{2}0000")) e.add(field, "invalid", "a province code (six digits ending 0000)");
        return code;
    }

    @GetMapping(path = "/federation/v1/authorizations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuthorizationView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return federated.get(CurrentUser.of(jwt), id);
    }

    @GetMapping(path = "/federation/v1/authorizations", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuthorizationView> byKey(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable String idempotencyKey) {
        return federated.byKey(CurrentUser.of(jwt), IdempotencyKeys.required(idempotencyKey, "the query"));
    }

    @PostMapping(path = "/federation/v1/authorizations/{id}/capture", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuthorizationView> capture(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return federated.capture(CurrentUser.of(jwt), id);
    }

    @PostMapping(path = "/federation/v1/authorizations/{id}/void", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuthorizationView> voidAuthorization(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return federated.voidAuthorization(CurrentUser.of(jwt), id);
    }
}
