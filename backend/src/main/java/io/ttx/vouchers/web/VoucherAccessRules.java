package io.ttx.vouchers.web;

import io.ttx.identity.ApiAccessRules;
import io.ttx.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Role rules of the voucher routes before any lookup: programmes are created by region admins, agencies apply as
 * agencies, decisions are region admins'; reads and objections are open to every authenticated caller. Which province a
 * region admin may act in is the service's and the domain's rule.
 */
@Component
class VoucherAccessRules implements ApiAccessRules {
    @Override
    public void apply(AuthorizeExchangeSpec a) {
        a.pathMatchers(HttpMethod.POST, "/api/v1/voucher-programmes", "/api/v1/voucher-programmes/*/vouchers", "/api/v1/vouchers/*/revocation",
            "/api/v1/service-agencies/*/decision").hasRole(Role.REGION_ADMIN.claim());
        a.pathMatchers(HttpMethod.GET, "/api/v1/vouchers", "/api/v1/vouchers/*", "/api/v1/vouchers/*/ledger").hasAnyRole(Role.ENTERPRISE.claim(),
            Role.AGENCY.claim(), Role.REGION_ADMIN.claim(), Role.ADMIN.claim(), Role.AUDITOR.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/service-agencies", "/api/v1/service-agencies/*/products", "/api/v1/vouchers/*/redemptions")
            .hasRole(Role.AGENCY.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/redemptions/*/decision").hasRole(Role.REGION_ADMIN.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/settlements").hasRole(Role.ADMIN.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/federated-redemptions").hasRole(Role.AGENCY.claim());
        a.pathMatchers(HttpMethod.GET, "/api/v1/federated-redemptions/*").hasAnyRole(Role.AGENCY.claim(), Role.ADMIN.claim(), Role.AUDITOR.claim());
        a.pathMatchers(HttpMethod.POST, "/federation/v1/authorizations", "/federation/v1/authorizations/*/capture", "/federation/v1/authorizations/*/void")
            .hasRole(Role.PEER.claim());
        a.pathMatchers(HttpMethod.GET, "/federation/v1/authorizations", "/federation/v1/authorizations/*").hasRole(Role.PEER.claim());
        a.pathMatchers(HttpMethod.GET, "/api/v1/settlements", "/api/v1/settlements/*", "/api/v1/settlements/*/lines.csv").hasAnyRole(Role.ADMIN.claim(),
            Role.AUDITOR.claim(), Role.REGION_ADMIN.claim());
        a.pathMatchers(HttpMethod.GET, "/api/v1/service-agencies/*/performance").hasAnyRole(Role.REGION_ADMIN.claim(), Role.AGENCY.claim(),
            Role.ADMIN.claim(), Role.AUDITOR.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/redemptions/*/rating").hasRole(Role.ENTERPRISE.claim());
        a.pathMatchers(HttpMethod.GET, "/api/v1/redemptions", "/api/v1/redemptions/*").hasAnyRole(Role.ENTERPRISE.claim(), Role.AGENCY.claim(),
            Role.REGION_ADMIN.claim(), Role.ADMIN.claim(), Role.AUDITOR.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/service-agencies/*/objections").authenticated();
        a.pathMatchers(HttpMethod.GET, "/api/v1/voucher-programmes", "/api/v1/voucher-programmes/*", "/api/v1/service-agencies",
            "/api/v1/service-agencies/*", "/api/v1/service-agencies/*/products").authenticated();
    }
}
