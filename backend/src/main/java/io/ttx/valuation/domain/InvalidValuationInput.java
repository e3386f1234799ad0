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
    /** A list bounded by {@link InputLimits} that has more entries (a comparable's adjustments). */
    public static final String TOO_MANY_ITEMS = "too-many-items";
    /** A name bounded by {@link InputLimits} that is longer (an adjustment name). */
    public static final String TEXT_TOO_LONG = "text-too-long";

    private final String field;

    InvalidValuationInput(String code, String field, String message) {
        super(code, Kind.INVALID, field + ": " + message);
        this.field = field;
    }

    /** A broken rule with the generic code; public so the web layer can report an unparsable decimal string alike. */
    public static InvalidValuationInput invalid(String field, String message) {
        return new InvalidValuationInput(INVALID, field, message);
    }

    /** A list with fewer than {@code min} or more than {@code max} entries (the generic code, as always for these). */
    public static InvalidValuationInput entries(String field, int min, int max) {
        return invalid(field, "must have " + min + " to " + max + " entries");
    }

    /** A comparable with more than {@link InputLimits#ADJUSTMENTS} adjustments. */
    public static InvalidValuationInput tooManyAdjustments(String field) {
        return new InvalidValuationInput(TOO_MANY_ITEMS, field, "at most " + InputLimits.ADJUSTMENTS + " adjustments");
    }

    /** An adjustment name longer than {@link InputLimits#ADJUSTMENT_NAME} characters (not echoed). */
    public static InvalidValuationInput adjustmentNameTooLong(String field) {
        return new InvalidValuationInput(TEXT_TOO_LONG, field, "adjustment names have at most " + InputLimits.ADJUSTMENT_NAME + " characters");
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
