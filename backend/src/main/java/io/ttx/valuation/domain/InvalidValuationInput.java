package io.ttx.valuation.domain;

import io.ttx.shared.DomainException;
import java.util.Map;

/**
 * A valuation request breaks one of the input rules; rendered as 422 problem+json whose {@code field} member is the
 * JSON-pointer-like path of the offending input (for example {@code methods.incomeDcf.cashFlows[3]}), so a client can
 * highlight the exact entry. Only the first broken rule is reported.
 */
public final class InvalidValuationInput extends DomainException {

    /** Generic code for a value outside its allowed range, a missing value or a malformed list. */
    public static final String INVALID = "invalid-valuation-input";
    /** Relief from royalty got both a royalty rate and an operating margin: the two ways exclude each other. */
    public static final String ROYALTY_AND_MARGIN = "royalty-and-margin-both-given";
    /** The request names no valuation method at all. */
    public static final String NO_METHOD = "no-valuation-method";

    private final String field;

    InvalidValuationInput(String code, String field, String message) {
        super(code, Kind.INVALID, field + ": " + message);
        this.field = field;
    }

    /** A broken rule with the generic code; public so the web layer can report an unparsable decimal string alike. */
    public static InvalidValuationInput invalid(String field, String message) {
        return new InvalidValuationInput(INVALID, field, message);
    }

    static InvalidValuationInput missing(String field) {
        return invalid(field, "is required");
    }

    /** The path of the offending input, as in the request body. */
    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", field);
    }
}
