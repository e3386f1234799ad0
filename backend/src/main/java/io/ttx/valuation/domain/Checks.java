package io.ttx.valuation.domain;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Validation helpers shared by the input records. Each check names the field it rejects so the 422 body can point at
 * it. Nulls are checked at run time although the types say non-null, because the web layer maps absent JSON members
 * to null and the client deserves the field name rather than a 500.
 */
final class Checks {

    /** Amounts (cash flows, revenues, prices, cost items) must have an absolute value below 10^13 CNY. */
    static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1E+13");
    /**
     * At most 34 decimal places (the DECIMAL128 precision): more carries no meaning, and a value such as 1E-999999999
     * would make the exact additions build numbers with a billion digits.
     */
    static final int MAX_SCALE = 34;
    static final BigDecimal FIVE = BigDecimal.valueOf(5);

    private Checks() {
    }

    static BigDecimal decimal(@Nullable BigDecimal value, String field) {
        if (value == null) {
            throw InvalidValuationInput.missing(field);
        }
        if (value.scale() > MAX_SCALE) {
            throw InvalidValuationInput.invalid(field, "has more than " + MAX_SCALE + " decimal places");
        }
        return value;
    }

    /** min <= value <= max. */
    static BigDecimal between(@Nullable BigDecimal value, BigDecimal min, BigDecimal max, String field) {
        BigDecimal v = decimal(value, field);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw InvalidValuationInput.invalid(field, "must be between " + min + " and " + max);
        }
        return v;
    }

    /** 0 <= value <= 1 (rates, probabilities, obsolescence). */
    static BigDecimal fraction(@Nullable BigDecimal value, String field) {
        return between(value, BigDecimal.ZERO, BigDecimal.ONE, field);
    }

    /** 0 < value <= max. */
    static BigDecimal positiveUpTo(@Nullable BigDecimal value, BigDecimal max, String field) {
        BigDecimal v = positive(value, field);
        if (v.compareTo(max) > 0) {
            throw InvalidValuationInput.invalid(field, "must be at most " + max);
        }
        return v;
    }

    static BigDecimal positive(@Nullable BigDecimal value, String field) {
        BigDecimal v = decimal(value, field);
        if (v.signum() <= 0) {
            throw InvalidValuationInput.invalid(field, "must be greater than 0");
        }
        return v;
    }

    /** |value| < 10^13. */
    static BigDecimal amount(@Nullable BigDecimal value, String field) {
        BigDecimal v = decimal(value, field);
        if (v.abs().compareTo(AMOUNT_LIMIT) >= 0) {
            throw InvalidValuationInput.invalid(field, "must have an absolute value below 10^13");
        }
        return v;
    }

    static BigDecimal nonNegativeAmount(@Nullable BigDecimal value, String field) {
        BigDecimal v = amount(value, field);
        if (v.signum() < 0) {
            throw InvalidValuationInput.invalid(field, "must not be negative");
        }
        return v;
    }

    static BigDecimal positiveAmount(@Nullable BigDecimal value, String field) {
        return amount(positive(value, field), field);
    }

    static <T> List<T> sized(@Nullable List<T> list, int min, int max, String field) {
        if (list == null) {
            throw InvalidValuationInput.missing(field);
        }
        if (list.size() < min || list.size() > max) {
            throw InvalidValuationInput.entries(field, min, max);
        }
        return list;
    }

    /** A yearly series (cash flows, revenues): 1 to 50 numeric entries, each below 10^13 in absolute value. */
    static List<BigDecimal> yearly(@Nullable List<BigDecimal> series, String field) {
        List<BigDecimal> entries = sized(series, 1, InputLimits.YEARS, field);
        for (int i = 0; i < entries.size(); i++) {
            amount(entries.get(i), field + "[" + i + "]");
        }
        return List.copyOf(entries);
    }
}
