package io.ttx.shared.web;

import io.ttx.shared.CnyAmount;
import io.ttx.shared.Cny;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.Texts;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects what is wrong with a request body, so one answer names every member at fault (400 validation-failed), while
 * an amount that breaks a money rule is answered at once with its own code (422, the catalogue's money codes). Each
 * capability's request mapping uses one per request.
 */
public class RequestErrors {
    /** The longest decimal string parsed (a rate, a ratio, a percentage). */
    public static final int MAX_DECIMAL_LENGTH = 40;
    private final List<Map<String, String>> malformed = new ArrayList<>();

    public <T> @Nullable T required(String field, @Nullable T value) {
        if (value == null) add(field, "required", "must be given");
        return value;
    }

    public void add(String field, String code, String message) {
        malformed.add(FieldErrors.of(field, code, message));
    }

    public boolean ok() {
        return malformed.isEmpty();
    }

    public MalformedInput failure() {
        return new MalformedInput(malformed);
    }

    /** A required text, stripped and NFC, at most {@code max} code points. */
    public @Nullable String text(String field, @Nullable String raw, int max) {
        String t = optionalText(field, raw, max);
        if (t == null && raw == null) add(field, "required", "must be given");
        else if (t == null && ok()) add(field, "required", "must not be blank");
        return t;
    }

    public @Nullable String optionalText(String field, @Nullable String raw, int max) {
        Texts.Checked c = Texts.check(raw, max);
        if (c.tooLong()) add(field, "too-long", "at most " + max + " characters");
        return c.text();
    }

    /** Whether an optional list is there and within {@code max} entries (too-many otherwise). */
    public boolean bounded(String field, @Nullable List<?> list, int max) {
        if (list == null) return false;
        if (list.size() > max) {
            add(field, "too-many", "at most " + max + " entries");
            return false;
        }
        return true;
    }

    /** An amount in fen: CNY, a plain decimal with at most two decimals, not negative (422 otherwise). */
    public @Nullable Long money(String field, @Nullable CnyAmount m, boolean required) {
        if (m == null) {
            if (required) add(field, "required", "must be given");
            return null;
        }
        if (!"CNY".equals(m.currency())) throw FieldProblem.of("unsupported-currency", field, "only CNY is accepted");
        BigDecimal v = Cny.parse(m.amount());
        if (v == null) throw FieldProblem.of("invalid-amount", field, "not a decimal amount in yuan");
        if (v.signum() < 0) throw FieldProblem.of("negative-amount", field, "must not be negative");
        if (v.stripTrailingZeros().scale() > 2) throw FieldProblem.of("amount-scale", field, "at most two decimals");
        return Cny.toFen(v.setScale(2));
    }

    /** A decimal string such as a rate ("0.05") or a percentage, bounded before it is parsed. */
    public @Nullable BigDecimal decimal(String field, @Nullable String raw, boolean required) {
        if (raw == null) {
            if (required) add(field, "required", "must be given");
            return null;
        }
        if (raw.length() > MAX_DECIMAL_LENGTH || !isPlainDecimal(raw)) {
            add(field, "invalid", "not a plain decimal number");
            return null;
        }
        return new BigDecimal(raw);
    }

    private static boolean isPlainDecimal(String s) {
        int dots = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '.') dots++;
            else if (ch >= '0' && ch <= '9') digits++;
            else return false;
        }
        return dots <= 1 && digits > 0 && s.charAt(0) != '.' && s.charAt(s.length() - 1) != '.';
    }
}
