package io.ttx.shared.web;

import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns Bean Validation and JSON binding failures into {@code errors[{field, code, message}]} entries. */
public final class FieldErrors {
    private FieldErrors() { }

    public static Map<String, String> of(String field, String code, String message) {
        return Map.of("field", field, "code", code, "message", message);
    }

    public static Map<String, String> of(ObjectError e) {
        String field = e instanceof FieldError fe ? fe.getField() : e.getObjectName();
        String constraint = e.getCode() == null ? "invalid" : e.getCode();
        String code = switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size" -> "size";
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero" -> "range";
            case "Pattern", "Email" -> "pattern";
            case "Digits" -> "scale";
            default -> constraint.toLowerCase(Locale.ROOT);
        };
        return of(field, code, e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage());
    }

    /** The binding failure of a body: malformed JSON, a wrong type, an unknown or uninstantiable field. */
    public static List<Map<String, String>> ofBinding(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JacksonException je) {
                String path = path(je);
                if (je instanceof UnrecognizedPropertyException u) {
                    return List.of(of(path, "unknown-field", "is not a field of this resource"));
                }
                if (je instanceof InvalidFormatException || je instanceof MismatchedInputException) {
                    return List.of(of(path, "type", "has the wrong type or shape"));
                }
                if (je instanceof ValueInstantiationException) {
                    return List.of(of(path, "invalid", "is not a valid value"));
                }
                if (je instanceof StreamReadException) {
                    return List.of(of("$", "malformed-json", "the body is not well-formed JSON"));
                }
                return List.of(of(path, "invalid", "could not be read"));
            }
            if (t.getCause() == t) break;
        }
        return List.of(of("$", "unreadable", "the body could not be read"));
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }
}
