package io.ttx.catalogue.web;

import io.ttx.identity.ApiAccessRules;
import io.ttx.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** Role rules of the catalogue routes; ownership and visibility are decided by the catalogue services. */
@Component
class CatalogueAccessRules implements ApiAccessRules {
    private static final String[] OWNERS = {Role.RESEARCHER.claim(), Role.TTO.claim()};
    private static final String[] REVIEWERS = {Role.BROKER.claim(), Role.ADMIN.claim()};

    @Override
    public void apply(AuthorizeExchangeSpec a) {
        a.pathMatchers(HttpMethod.POST, "/api/v1/achievements").hasAnyRole(OWNERS);
        a.pathMatchers(HttpMethod.POST, "/api/v1/achievements/*/review").hasAnyRole(REVIEWERS);
        a.pathMatchers(HttpMethod.POST, "/api/v1/achievements/*/submission", "/api/v1/achievements/*/withdrawal",
            "/api/v1/achievements/*/renewal").hasAnyRole(OWNERS);
        a.pathMatchers(HttpMethod.PATCH, "/api/v1/achievements/*").hasAnyRole(OWNERS);
        a.pathMatchers(HttpMethod.DELETE, "/api/v1/achievements/*").hasAnyRole(OWNERS);
        a.pathMatchers(HttpMethod.GET, "/api/v1/achievements", "/api/v1/achievements/*", "/api/v1/achievements/*/history").authenticated();
        String enterprise = Role.ENTERPRISE.claim();
        a.pathMatchers(HttpMethod.POST, "/api/v1/demands").hasRole(enterprise);
        a.pathMatchers(HttpMethod.POST, "/api/v1/demands/*/review").hasAnyRole(REVIEWERS);
        a.pathMatchers(HttpMethod.POST, "/api/v1/demands/*/submission", "/api/v1/demands/*/withdrawal", "/api/v1/demands/*/renewal")
            .hasRole(enterprise);
        a.pathMatchers(HttpMethod.PATCH, "/api/v1/demands/*").hasRole(enterprise);
        a.pathMatchers(HttpMethod.DELETE, "/api/v1/demands/*").hasRole(enterprise);
        a.pathMatchers(HttpMethod.GET, "/api/v1/demands", "/api/v1/demands/*", "/api/v1/demands/*/history").authenticated();
    }
}
