package io.ttx.shared.web;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * When the Actuator has its own port (the prod profile), everything on that port is open: it is never published to
 * clients, and the orchestrator's probes and Prometheus carry no user token. The application's own filter chain (and
 * its admin-only rule for {@code /actuator/**}) would otherwise apply there too, since WebFlux's management server
 * takes the application's web filters. This chain comes first and matches only exchanges of the management server,
 * told by the application context that handles them (the management server's own child context), never by an address
 * or a header a client could forge (with forwarded headers on, the local address is the one the client claims). On a
 * shared port (the dev setup) it does not exist and the application's rules stay as they are.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ManagementPortSecurity {
    private static final String MANAGEMENT = "management";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain managementPort(ServerHttpSecurity http) {
        return StatelessSecurity.apply(http)
            .securityMatcher(ManagementPortSecurity::onManagementServer)
            .authorizeExchange(a -> a.anyExchange().permitAll())
            .build();
    }

    static Mono<MatchResult> onManagementServer(ServerWebExchange exchange) {
        ApplicationContext context = exchange.getApplicationContext();
        return context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT)
            ? MatchResult.match() : MatchResult.notMatch();
    }
}
