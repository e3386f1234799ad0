package io.ttx.shared;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * CNY amounts as they travel: decimal strings in yuan with at most two decimals, stored as integer fen. In the shared
 * kernel because every capability must convert the same way: the catalogue stores prices and budgets in fen, search
 * filters on them and shows them again as yuan.
 */
public final class Cny {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

    private Cny() { }

    /** Null when the text is not a plain decimal number. */
    public static @Nullable BigDecimal parse(@Nullable String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) return null;
        return new BigDecimal(text);
    }

    public static long toFen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    /** Fen back to the wire form, always two decimals ("1200000.00"). */
    public static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
