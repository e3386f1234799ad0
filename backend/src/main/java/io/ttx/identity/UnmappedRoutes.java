package io.ttx.identity;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;

/**
 * The deny-by-default rule for {@code /api/**}: a route that exists but that no capability granted is refused
 * (403), while an authenticated call to a route that does not exist is let through so that it gets an honest 404
 * (or 405/415) instead of a misleading 403. Anonymous callers always get 401 first.
 */
class UnmappedRoutes implements ReactiveAuthorizationManager<AuthorizationContext> {
    private final RequestMappingHandlerMapping handlers;

    UnmappedRoutes(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication.filter(Authentication::isAuthenticated)
            .flatMap(a -> handlers.getHandler(context.getExchange())
                .map(handler -> false)               // mapped, but no rule granted it: deny
                .onErrorReturn(true)                 // 405/415/406 on lookup: no handler will run; let it answer
                .defaultIfEmpty(true))               // unmapped: let the dispatcher answer 404
            .<AuthorizationResult>map(AuthorizationDecision::new)
            .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
