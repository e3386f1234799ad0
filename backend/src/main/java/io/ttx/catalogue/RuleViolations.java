package io.ttx.catalogue;

import io.ttx.shared.DomainException;

import java.util.List;
import java.util.Map;

/**
 * One or more broken catalogue rules (422). The problem's {@code code} is the first violation's; all of them are
 * listed in {@code errors[{field, code, message}]} so a form can mark every offending field at once.
 */
public final class RuleViolations extends DomainException {
    /** One broken rule on one field. */
    public record Violation(String field, String code, String message) { }

    private final List<Violation> violations;

    public RuleViolations(List<Violation> violations) {
        super(violations.getFirst().code(), Kind.INVALID, violations.getFirst().field() + ": " + violations.getFirst().message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", violations.getFirst().field(), "errors", violations.stream()
            .map(v -> Map.of("field", v.field(), "code", v.code(), "message", v.message())).toList());
    }
}
