package io.ttx.search.web;

import io.ttx.identity.ApiAccessRules;
import io.ttx.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Search and docking show only published listings' public fields: any authenticated caller may search; visibility
 * of the source listing and the owner-or-broker rule of demand matches are checked in the controller. Rebuilding
 * the indices is for administrators.
 */
@Component
class SearchAccessRules implements ApiAccessRules {
    @Override
    public void apply(AuthorizeExchangeSpec a) {
        a.pathMatchers(HttpMethod.GET, "/api/v1/search/achievements", "/api/v1/search/suggestions").authenticated();
        a.pathMatchers(HttpMethod.GET, "/api/v1/achievements/*/similar", "/api/v1/achievements/*/demand-matches",
            "/api/v1/demands/*/matches").authenticated();
        a.pathMatchers("/api/v1/admin/search/reindex", "/api/v1/admin/search/reindex/*").hasRole(Role.ADMIN.claim());
    }
}
