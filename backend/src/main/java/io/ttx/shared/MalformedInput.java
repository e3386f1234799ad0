package io.ttx.shared;

import java.util.List;
import java.util.Map;

/** A request whose shape is wrong, found after binding (e.g. a merge patch producing a wrong type): 400. */
public final class MalformedInput extends DomainException {
    private final List<Map<String, String>> errors;

    public MalformedInput(List<Map<String, String>> errors) {
        super("validation-failed", Kind.MALFORMED, "The request is not valid.");
        this.errors = List.copyOf(errors);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
