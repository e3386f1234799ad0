package io.ttx.documents.web;

import io.ttx.identity.ApiAccessRules;
import io.ttx.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** Uploading and deleting are for the owning roles (ownership itself is checked by the service); reading is open to callers who see the listing. */
@Component
class DocumentAccessRules implements ApiAccessRules {
    @Override
    public void apply(AuthorizeExchangeSpec a) {
        a.pathMatchers(HttpMethod.POST, "/api/v1/achievements/*/documents").hasAnyRole(Role.RESEARCHER.claim(), Role.TTO.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/demands/*/documents").hasRole(Role.ENTERPRISE.claim());
        a.pathMatchers(HttpMethod.DELETE, "/api/v1/documents/*").hasAnyRole(Role.RESEARCHER.claim(), Role.TTO.claim(), Role.ENTERPRISE.claim());
        a.pathMatchers(HttpMethod.GET, "/api/v1/achievements/*/documents", "/api/v1/demands/*/documents", "/api/v1/documents/*/content")
            .authenticated();
    }
}
