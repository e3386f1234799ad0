package io.ttx.alerts.web;

import io.ttx.identity.ApiAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** Saved searches and notifications belong to a user, whatever the role: any authenticated caller; ownership is the services' rule. */
@Component
class AlertsAccessRules implements ApiAccessRules {
    @Override
    public void apply(AuthorizeExchangeSpec a) {
        a.pathMatchers(HttpMethod.POST, "/api/v1/saved-searches", "/api/v1/notifications/*/read").authenticated();
        a.pathMatchers(HttpMethod.GET, "/api/v1/saved-searches", "/api/v1/saved-searches/*", "/api/v1/saved-searches/*/deliveries",
            "/api/v1/notifications").authenticated();
        a.pathMatchers(HttpMethod.DELETE, "/api/v1/saved-searches/*").authenticated();
    }
}
