package io.ttx.search.web;

import io.ttx.identity.ApiAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** Search shows only published listings' public fields: any authenticated caller may search. */
@Component
class SearchAccessRules implements ApiAccessRules {
    @Override
    public void apply(AuthorizeExchangeSpec a) {
        a.pathMatchers(HttpMethod.GET, "/api/v1/search/achievements").authenticated();
    }
}
