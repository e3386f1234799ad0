package io.ttx.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;

/** Builds the one problem shape every error uses: type, title, status, detail, instance and a stable code. */
@Component
public class Problems {
    private final URI base;

    Problems(WebProperties props) {
        String b = props.problemBase().toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
    }

    public ProblemDetail of(HttpStatusCode status, String code, @Nullable String detail, ServerWebExchange exchange) {
        ProblemDetail pd = ProblemDetail.forStatus(status);
        if (detail != null) pd.setDetail(detail);
        return decorate(pd, code, exchange);
    }

    /** Fills type, title, instance and code on a problem Spring (or we) already built. */
    public ProblemDetail decorate(ProblemDetail pd, String code, ServerWebExchange exchange) {
        pd.setType(base.resolve(code));
        if (pd.getTitle() == null) {
            HttpStatus known = HttpStatus.resolve(pd.getStatus());
            pd.setTitle(known != null ? known.getReasonPhrase() : "Error");
        }
        if (pd.getDetail() == null) pd.setDetail(pd.getTitle() + ".");
        pd.setInstance(URI.create(exchange.getRequest().getPath().value()));
        pd.setProperty("code", code);
        return pd;
    }

    /** The code used when nothing more specific is known. */
    public static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "validation-failed";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 428 -> "precondition-required";
            case 503 -> "service-unavailable";
            case 500 -> "internal-error";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }
}
