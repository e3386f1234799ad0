package io.ttx.identity;

import io.ttx.shared.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 from the security chain in the one problem shape, with the RFC 6750 WWW-Authenticate header. */
@Component
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {
    private final ProblemWriter writer;

    ProblemSecurityHandlers(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean invalid = ex instanceof InvalidBearerTokenException
            || exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
            invalid ? "Bearer realm=\"ttx\", error=\"invalid_token\"" : "Bearer realm=\"ttx\"");
        return writer.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
            invalid ? "The bearer token is invalid, expired or from an untrusted issuer." : "A valid bearer token is required.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return writer.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this operation.");
    }
}
