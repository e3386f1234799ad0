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
    /**
     * Plain decimals of at most 15 integer digits and 15 decimals: judged on the token, before any arithmetic (a
     * 200,000-digit fraction would take BigDecimal's trailing-zero stripping half a minute).
     */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");
    /** The longest text {@link #DECIMAL} can match: sign, 15 digits, point, 15 decimals. */
    public static final int MAX_LENGTH = 32;

    private Cny() { }

    /** Null when the text is not a plain decimal number (longer than {@value #MAX_LENGTH} characters included). */
    public static @Nullable BigDecimal parse(@Nullable String text) {
        if (text == null || text.length() > MAX_LENGTH || !DECIMAL.matcher(text).matches()) return null;
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
