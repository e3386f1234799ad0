package io.ttx.shared.web;

import io.ttx.shared.DomainException;

import java.util.Map;

/**
 * A request member that breaks a rule of its own (422 with its code and the field): an amount that is not a CNY decimal
 * in yuan (the catalogue's money codes), a text over its length.
 */
public final class FieldProblem extends DomainException {
    private final String field;

    private FieldProblem(String code, String field, String message) {
        super(code, Kind.INVALID, field + ": " + message);
        this.field = field;
    }

    public static FieldProblem of(String code, String field, String message) {
        return new FieldProblem(code, field, message);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", field);
    }
}
