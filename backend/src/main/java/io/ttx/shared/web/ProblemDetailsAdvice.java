package io.ttx.shared.web;

import io.ttx.shared.DomainException;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import java.util.List;
import java.util.Map;

/**
 * The single error handler of the controllers: every error becomes {@code application/problem+json} with a stable
 * {@code code}. Shape errors are 400 validation-failed with {@code errors[]}; domain rules carry their own code.
 * Unexpected failures are logged here and answered with a generic detail: no stack trace or driver text leaves.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private final Problems problems;

    ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> onDomain(DomainException ex, ServerWebExchange exchange) {
        HttpStatus status = switch (ex.kind()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        ProblemDetail pd = problems.of(status, ex.code(), ex.getMessage(), exchange);
        ex.properties().forEach(pd::setProperty);
        return respond(pd);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> onAccessDenied(AccessDeniedException ex, ServerWebExchange exchange) {
        return respond(problems.of(HttpStatus.FORBIDDEN, "forbidden", "You may not do this.", exchange));
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> onStaleVersion(OptimisticLockingFailureException ex, ServerWebExchange exchange) {
        boolean conditional = exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_MATCH) != null;
        return respond(conditional
            ? problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "The resource has changed; fetch it again.", exchange)
            : problems.of(HttpStatus.CONFLICT, "conflict", "The resource was changed concurrently; retry.", exchange));
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> onConstraint(ConstraintViolationException ex, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
            .map(v -> FieldErrors.of(v.getPropertyPath().toString().replaceFirst("^[^.]+\\.", ""), "invalid", v.getMessage())).toList();
        return validationFailed(errors, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
            .flatMap(r -> r.getResolvableErrors().stream().map(e -> FieldErrors.of(
                String.valueOf(r.getMethodParameter().getParameterName()), "range", String.valueOf(e.getDefaultMessage()))))
            .toList();
        return validationFailed(errors, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> onTooLarge(DataBufferLimitException ex, ServerWebExchange exchange) {
        return respond(problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large.", exchange));
    }

    /** The connection is gone (the client left, or a stalled body was cut): nobody is left to answer. */
    @ExceptionHandler
    Mono<ResponseEntity<Object>> onConnectionClosed(AbortedException ex, ServerWebExchange exchange) {
        log.debug("connection closed during {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
        return Mono.empty();
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> onUnexpected(Exception ex, ServerWebExchange exchange) {
        if (Failures.storeUnavailable(ex)) {
            log.warn("store unavailable on {} {} (request {}): {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                RequestIds.of(exchange), ex.toString());
            return respond(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "A backing service is not available; retry later.", exchange));
        }
        log.error("unexpected failure on {} {} (request {})", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
            RequestIds.of(exchange), ex);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
            "An unexpected error occurred; it has been logged.", exchange));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getAllErrors().stream().map(FieldErrors::of).toList();
        return validationFailed(errors, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getCause() != null ? FieldErrors.ofBinding(ex.getCause())
            : List.of(FieldErrors.of(ex.getMethodParameter() == null ? "$" : String.valueOf(ex.getMethodParameter().getParameterName()),
                "invalid", ex.getReason() == null ? "is invalid" : ex.getReason()));
        return validationFailed(errors, exchange);
    }

    private Mono<ResponseEntity<Object>> validationFailed(List<Map<String, String>> errors, ServerWebExchange exchange) {
        ProblemDetail pd = problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid.", exchange);
        pd.setProperty("errors", errors);
        return respond(pd);
    }

    /** Every other framework error (405, 406, 415, 404 ...): keep Spring's status and detail, add our fields. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body, @Nullable HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail pd = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        if (status.is5xxServerError()) pd.setDetail("An unexpected error occurred; it has been logged.");
        problems.decorate(pd, Problems.defaultCode(status.value()), exchange);
        return super.handleExceptionInternal(ex, pd, headers, status, exchange);
    }

    private static Mono<ResponseEntity<Object>> respond(ProblemDetail pd) {
        return Mono.just(ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd));
    }
}
