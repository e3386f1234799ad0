package io.ttx.brokerage.web;

import io.ttx.identity.ApiAccessRules;
import io.ttx.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Role rules of the deal routes: roles that can never take part in a deal (evaluators, agencies, region admins) get 403
 * before any lookup, as do roles that never write to a deal room (researchers, auditors; admins post messages but upload
 * no documents), and roles that never run, bid in or offer to an auction or tender. Which deal a caller may see or act on (its organisation's relation to the deal) is the service's rule.
 */
@Component
class BrokerageAccessRules implements ApiAccessRules {
    private static final String[] READERS = {Role.TTO.claim(), Role.RESEARCHER.claim(), Role.ENTERPRISE.claim(), Role.BROKER.claim(),
        Role.ADMIN.claim(), Role.AUDITOR.claim()};
    private static final String[] ACTORS = {Role.TTO.claim(), Role.ENTERPRISE.claim(), Role.BROKER.claim(), Role.ADMIN.claim()};

    @Override
    public void apply(AuthorizeExchangeSpec a) {
        a.pathMatchers(HttpMethod.POST, "/api/v1/deals").hasRole(Role.ENTERPRISE.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/deals/*/commands", "/api/v1/deals/*/messages").hasAnyRole(ACTORS);
        a.pathMatchers(HttpMethod.POST, "/api/v1/deals/*/documents").hasAnyRole(Role.TTO.claim(), Role.ENTERPRISE.claim(), Role.BROKER.claim());
        a.pathMatchers(HttpMethod.GET, "/api/v1/deals", "/api/v1/deals/*", "/api/v1/deals/*/trail", "/api/v1/deals/*/documents",
            "/api/v1/deals/*/messages", "/api/v1/achievements/*/grants").hasAnyRole(READERS);
        // auctions and tenders: run by the seller's TTO or a broker, bid on and offered to by enterprises
        String[] runners = {Role.TTO.claim(), Role.BROKER.claim()};
        a.pathMatchers(HttpMethod.POST, "/api/v1/auctions", "/api/v1/auctions/*/cancellation", "/api/v1/tenders",
            "/api/v1/tenders/*/cancellation").hasAnyRole(runners);
        a.pathMatchers(HttpMethod.POST, "/api/v1/auctions/*/bids", "/api/v1/tenders/*/offers").hasRole(Role.ENTERPRISE.claim());
        a.pathMatchers(HttpMethod.POST, "/api/v1/tenders/*/award").hasRole(Role.TTO.claim());
        a.pathMatchers(HttpMethod.GET, "/api/v1/auctions", "/api/v1/auctions/*", "/api/v1/auctions/*/bids", "/api/v1/tenders",
            "/api/v1/tenders/*", "/api/v1/tenders/*/offers").hasAnyRole(READERS);
    }
}
