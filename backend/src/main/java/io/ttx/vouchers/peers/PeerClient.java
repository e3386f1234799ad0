package io.ttx.vouchers.peers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.netty.channel.ChannelOption;
import io.ttx.catalogue.Money;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Calls to one peer platform's federation protocol: a client-credentials token from the peer's token endpoint
 * (Spring Security's OAuth2 client, cached until it expires), connect and read timeouts, bounded retries (every step
 * of the protocol is idempotent) and a circuit breaker that stops calling a peer that keeps failing. A 4xx answer is
 * the peer's final word ({@link PeerCalls.Refused}, not a failure of the peer); 5xx, timeouts and unreachable peers
 * are {@link PeerCalls.Unavailable} once the retries are spent, with {@code reached} telling whether the request may
 * have been acted upon.
 */
public final class PeerClient {
    /** An authorization as the peer answers it (what else it says is ignored: the protocol may grow). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Authorization(String authorizationId, String status, Money subsidy) { }

    private final PeerProperties.Peer peer;
    private final PeerProperties props;
    private final WebClient web;
    private final CircuitBreaker breaker;

    PeerClient(PeerProperties.Peer peer, PeerProperties props, WebClient.Builder builder) {
        this.peer = peer;
        this.props = props;
        ClientRegistration registration = ClientRegistration.withRegistrationId(peer.name()).tokenUri(peer.tokenUri().toString())
            .clientId(peer.clientId()).clientSecret(peer.clientSecret()).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
        var registrations = new InMemoryReactiveClientRegistrationRepository(registration);
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
            new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) props.connectTimeout().toMillis())
            .responseTimeout(props.readTimeout());
        ReactorClientHttpConnector connector = new ReactorClientHttpConnector(http);
        // the token request keeps the same timeouts as the protocol's calls (Spring's default client has none)
        var tokens = new WebClientReactiveClientCredentialsTokenResponseClient();
        tokens.setWebClient(builder.clone().clientConnector(connector).build());
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
            .clientCredentials(c -> c.accessTokenResponseClient(tokens)).build());
        var oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        oauth.setDefaultClientRegistrationId(peer.name());
        this.web = builder.clone().baseUrl(peer.baseUrl().toString()).clientConnector(connector).filter(oauth).build();
        this.breaker = CircuitBreaker.of("peer-" + peer.name(), CircuitBreakerConfig.custom().slidingWindowSize(10).minimumNumberOfCalls(5)
            .failureRateThreshold(50).waitDurationInOpenState(props.openCircuitFor()).ignoreExceptions(PeerCalls.Refused.class).build());
    }

    public PeerProperties.Peer peer() {
        return peer;
    }

    public CircuitBreaker.State circuit() {
        return breaker.getState();
    }

    public Mono<Authorization> authorize(Map<String, Object> body) {
        return call(web.post().uri("/federation/v1/authorizations").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
            .exchangeToMono(PeerClient::authorization));
    }

    public Mono<Authorization> capture(String authorizationId) {
        return call(web.post().uri("/federation/v1/authorizations/{id}/capture", authorizationId).exchangeToMono(PeerClient::authorization));
    }

    public Mono<Authorization> voidAuthorization(String authorizationId) {
        return call(web.post().uri("/federation/v1/authorizations/{id}/void", authorizationId).exchangeToMono(PeerClient::authorization));
    }

    /** The authorization's state at the issuer (its decision after the capture). */
    public Mono<Authorization> get(String authorizationId) {
        return call(web.get().uri("/federation/v1/authorizations/{id}", authorizationId).exchangeToMono(PeerClient::authorization));
    }

    /** The authorization made under our key; empty when the peer knows none (404). */
    public Mono<Authorization> byKey(String idempotencyKey) {
        return call(web.get().uri(u -> u.path("/federation/v1/authorizations").queryParam("idempotencyKey", idempotencyKey).build())
            .exchangeToMono(PeerClient::authorization))
            .onErrorResume(PeerCalls.Refused.class, r -> r.status() == 404 ? Mono.empty() : Mono.error(r));
    }

    private static Mono<Authorization> authorization(ClientResponse r) {
        HttpStatusCode status = r.statusCode();
        if (status.is2xxSuccessful()) return r.bodyToMono(Authorization.class);
        if (status.is4xxClientError()) {
            // a 4xx is the peer's word even when its body is no problem document
            return r.bodyToMono(Map.class).onErrorReturn(Map.of()).defaultIfEmpty(Map.of()).flatMap(problem -> {
                Object code = problem.get("code");
                Object detail = problem.get("detail");
                return Mono.error(new PeerCalls.Refused(status.value(), code instanceof String c ? c : "peer-refused",
                    detail instanceof String d ? d : null));
            });
        }
        return r.releaseBody().then(Mono.error(new Failure("the peer answered " + status.value(), true)));
    }

    /** Retries, then the circuit breaker: a call refused by an open circuit is unavailable without reaching the peer. */
    private <T> Mono<T> call(Mono<T> call) {
        return call
            .onErrorMap(WebClientRequestException.class, e -> new Failure("the peer is unreachable: " + e.getMessage(), reachedByTimeout(e)))
            .onErrorMap(TimeoutException.class, e -> new Failure("the peer did not answer in time", true))
            .onErrorMap(DecodingException.class, e -> new Failure("the peer's answer is not the protocol's: " + e.getMessage(), true))
            // no token, no request: the peer was not reached (a refusal of our credentials is a configuration fault)
            .onErrorMap(OAuth2AuthorizationException.class, e -> new Failure("the peer's token endpoint refused a token: "
                + e.getError().getErrorCode(), false))
            .retryWhen(Retry.backoff(props.retries(), props.retryBackoff()).filter(Failure.class::isInstance))
            .onErrorMap(e -> Exceptions.isRetryExhausted(e) ? e.getCause() : e)
            .transformDeferred(CircuitBreakerOperator.of(breaker))
            .onErrorMap(CallNotPermittedException.class, e -> new PeerCalls.Unavailable("the circuit of peer " + peer.name() + " is open", false, e))
            .onErrorMap(Failure.class, f -> new PeerCalls.Unavailable(f.getMessage(), f.reached, f));
    }

    /** A read timeout (the request was sent) rather than a refused connection. */
    private static boolean reachedByTimeout(WebClientRequestException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("ReadTimeout")) return true;
        }
        return false;
    }

    /** A failed attempt (before the retries and the breaker are done with it). */
    private static final class Failure extends RuntimeException {
        private final boolean reached;

        Failure(String message, boolean reached) {
            super(message, null, false, false);
            this.reached = reached;
        }
    }
}
