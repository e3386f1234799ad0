package io.ttx.catalogue.web;

import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.FieldErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON merge patch (RFC 7396) onto a record, then the same shape checks a POST body gets: binding errors and Bean
 * Validation failures become 400 validation-failed with the offending fields.
 */
@Component
class ShapeBinder {
    private final JsonMapper json;
    private final Validator validator;

    ShapeBinder(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    <T> T mergePatch(T current, JsonNode patch, Class<T> type) {
        if (!patch.isObject()) throw new MalformedInput(List.of(FieldErrors.of("$", "type", "a merge patch is a JSON object")));
        JsonNode merged = merge(json.valueToTree(current), patch);
        T result;
        try {
            result = json.treeToValue(merged, type);
        } catch (JacksonException e) {
            throw new MalformedInput(FieldErrors.ofBinding(e));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            List<Map<String, String>> errors = violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> FieldErrors.of(v.getPropertyPath().toString(), code(v), v.getMessage())).toList();
            throw new MalformedInput(errors);
        }
        return result;
    }

    private static String code(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return annotation.startsWith("Not") ? "required" : annotation.toLowerCase(Locale.ROOT);
    }

    /** RFC 7396: objects merge recursively, null removes a member, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) return patch;
        ObjectNode out = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonMapper.builder().build().createObjectNode();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (e.getValue().isNull()) out.remove(e.getKey());
            else out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
        }
        return out;
    }
}
