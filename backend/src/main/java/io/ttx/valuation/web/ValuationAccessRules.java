package io.ttx.valuation.web;

import io.ttx.identity.ApiAccessRules;
import io.ttx.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Role rules of the valuation routes. Roles that can never act here (enterprise, agency, region admin) get 403 before
 * any lookup, as in the catalogue; which organisation's listings a TTO or researcher may touch is the service's rule.
 * No rule names PUT, PATCH or DELETE on a valuation: those routes do not exist, so they answer 405.
 */
@Component
class ValuationAccessRules implements ApiAccessRules {
    private static final String[] VALUERS = {Role.TTO.claim(), Role.BROKER.claim(), Role.EVALUATOR.claim(), Role.ADMIN.claim()};
    private static final String[] READERS = {Role.TTO.claim(), Role.RESEARCHER.claim(), Role.BROKER.claim(),
        Role.EVALUATOR.claim(), Role.ADMIN.claim(), Role.AUDITOR.claim()};

    @Override
    public void apply(AuthorizeExchangeSpec a) {
        a.pathMatchers(HttpMethod.POST, "/api/v1/achievements/*/valuations").hasAnyRole(VALUERS);
        a.pathMatchers(HttpMethod.POST, "/api/v1/achievements/*/evaluations").hasAnyRole(Role.EVALUATOR.claim(), Role.ADMIN.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/valuations/*/publication").hasRole(Role.TTO.claim());
        a.pathMatchers(HttpMethod.GET, "/api/v1/achievements/*/valuations", "/api/v1/achievements/*/evaluations",
            "/api/v1/valuations/*", "/api/v1/valuations/*/report").hasAnyRole(READERS);
    }
}
