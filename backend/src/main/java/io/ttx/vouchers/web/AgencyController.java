package io.ttx.vouchers.web;

import io.ttx.identity.CurrentUser;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.Cursors;
import io.ttx.shared.web.FieldErrors;
import io.ttx.vouchers.AgencyView;
import io.ttx.vouchers.ObjectionView;
import io.ttx.vouchers.ProductView;
import io.ttx.vouchers.ServiceAgencies;
import io.ttx.vouchers.domain.AgencyStatus;
import io.ttx.vouchers.web.VoucherRequests.ApplyRequest;
import io.ttx.vouchers.web.VoucherRequests.DecisionRequest;
import io.ttx.vouchers.web.VoucherRequests.ObjectionRequest;
import io.ttx.vouchers.web.VoucherRequests.ProductRequest;
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
class AgencyController {
    record AgencyPage(List<AgencyView> items, @Nullable String nextCursor) { }

    record ProductList(List<ProductView> items) { }

    private final ServiceAgencies agencies;

    AgencyController(ServiceAgencies agencies) {
        this.agencies = agencies;
    }

    @PostMapping(path = "/api/v1/service-agencies", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AgencyView>> apply(@AuthenticationPrincipal Jwt jwt, @RequestBody ApplyRequest body) {
        var application = VoucherRequests.application(body);
        return agencies.apply(CurrentUser.of(jwt), application)
            .map(v -> ResponseEntity.created(URI.create("/api/v1/service-agencies/" + v.id())).body(v));
    }

    @GetMapping(path = "/api/v1/service-agencies", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AgencyPage> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable String region,
                          @RequestParam(required = false) @Nullable AgencyStatus status, @RequestParam(required = false) @Nullable String org,
                          @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (region != null && region.length() > 6) throw new MalformedInput(List.of(FieldErrors.of("region", "too-long", "at most 6 characters")));
        if (org != null && org.length() > 18) throw new MalformedInput(List.of(FieldErrors.of("org", "too-long", "at most 18 characters")));
        return agencies.list(CurrentUser.of(jwt), region, status, org, Cursors.id(cursor), size)
            .map(items -> new AgencyPage(items, items.size() < size ? null : Cursors.ofId(items.getLast().id())));
    }

    @GetMapping(path = "/api/v1/service-agencies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AgencyView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return agencies.get(CurrentUser.of(jwt), id);
    }

    @PostMapping(path = "/api/v1/service-agencies/{id}/objections", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ObjectionView>> object(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody ObjectionRequest body) {
        String text = VoucherRequests.objection(body);
        return agencies.object(CurrentUser.of(jwt), id, text).map(o -> ResponseEntity.status(HttpStatus.CREATED).body(o));
    }

    @PostMapping(path = "/api/v1/service-agencies/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AgencyView> decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody DecisionRequest body) {
        var d = VoucherRequests.decision(body);
        return agencies.decide(CurrentUser.of(jwt), id, d.getKey(), d.getValue());
    }

    @PostMapping(path = "/api/v1/service-agencies/{id}/products", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ProductView>> addProduct(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody ProductRequest body) {
        var p = VoucherRequests.product(body);
        return agencies.addProduct(CurrentUser.of(jwt), id, p.category(), p.name(), p.price())
            .map(v -> ResponseEntity.status(HttpStatus.CREATED).body(v));
    }

    @GetMapping(path = "/api/v1/service-agencies/{id}/products", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProductList> products(@PathVariable String id) {
        return agencies.products(id).map(ProductList::new);
    }
}
