package io.ttx.shared;

import java.util.Map;

/**
 * A broken business rule or a missing/conflicting resource, raised by a capability and rendered by the single
 * problem+json handler. Carries no HTTP types: the {@link Kind} decides the status, {@link #code()} is the stable
 * machine-readable code listed in the OpenAPI contract.
 */
public abstract class DomainException extends RuntimeException {

    /**
     * How the web layer renders it: MALFORMED 400, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409, PRECONDITION_FAILED
     * 412, TOO_LARGE 413, UNSUPPORTED_TYPE 415, INVALID 422, PRECONDITION_REQUIRED 428, UNAVAILABLE 503.
     */
    public enum Kind {
        MALFORMED, NOT_FOUND, CONFLICT, INVALID, FORBIDDEN, PRECONDITION_FAILED, PRECONDITION_REQUIRED, TOO_LARGE,
        UNSUPPORTED_TYPE, UNAVAILABLE
    }

    private final String code;
    private final Kind kind;

    protected DomainException(String code, Kind kind, String message) {
        super(message, null, false, false);
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** Extra members of the problem body (for example the offending {@code field}); empty by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
