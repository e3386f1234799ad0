package io.ttx.brokerage.web;

import io.ttx.shared.DomainException;

import java.util.Map;

/** An amount of a deal request that is not a CNY decimal in yuan (422 with the catalogue's money codes and the field). */
final class AmountProblem extends DomainException {
    private final String field;

    private AmountProblem(String code, String field, String message) {
        super(code, Kind.INVALID, field + ": " + message);
        this.field = field;
    }

    static AmountProblem of(String code, String field, String message) {
        return new AmountProblem(code, field, message);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", field);
    }
}
