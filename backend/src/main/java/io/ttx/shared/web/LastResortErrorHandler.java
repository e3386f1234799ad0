package io.ttx.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors that never reach a controller (raised in web filters, or while writing a response such as a problem that
 * the Accept header refuses) are rendered here, before Boot's default error handler, in the same problem shape.
 */
@Component
@Order(-2)
class LastResortErrorHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(LastResortErrorHandler.class);
    private final ProblemWriter writer;

    LastResortErrorHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) return Mono.error(ex);
        if (ex instanceof DataBufferLimitException) {
            return writer.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large.");
        }
        if (ex instanceof ErrorResponse er && !er.getStatusCode().is5xxServerError()) {
            HttpStatusCode status = er.getStatusCode();
            String detail = er.getBody().getDetail();
            exchange.getResponse().getHeaders().putAll(er.getHeaders());
            return writer.write(exchange, status, Problems.defaultCode(status.value()), detail == null ? "" : detail);
        }
        if (Failures.storeUnavailable(ex)) {
            return writer.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "A backing service is not available; retry later.");
        }
        log.error("unhandled failure on {} {} (request {})", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
            RequestIds.of(exchange), ex);
        return writer.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
            "An unexpected error occurred; it has been logged.");
    }
}
