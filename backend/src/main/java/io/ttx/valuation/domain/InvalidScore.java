package io.ttx.valuation.domain;

import io.ttx.shared.DomainException;
import java.util.Map;

/**
 * An evaluation score outside 0..100 (or missing): 422 problem+json with code {@code invalid-score} and the
 * {@code field} of the score ({@code scores.technical}).
 */
public final class InvalidScore extends DomainException {

    public static final String CODE = "invalid-score";

    private final String field;

    InvalidScore(Criterion criterion, String message) {
        super(CODE, Kind.INVALID, "scores." + criterion.key() + ": " + message);
        this.field = "scores." + criterion.key();
    }

    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", field);
    }
}
