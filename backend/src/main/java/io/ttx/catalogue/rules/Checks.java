package io.ttx.catalogue.rules;

import io.ttx.catalogue.AmountRange;
import io.ttx.catalogue.LocalizedText;
import io.ttx.catalogue.Money;
import io.ttx.catalogue.RuleViolations.Violation;
import io.ttx.shared.Cny;
import io.ttx.shared.Uscc;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Collects violations while checking and normalising one record; the rule sets of achievements and demands use it. */
public final class Checks {
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private final List<Violation> violations = new ArrayList<>();

    public List<Violation> violations() {
        return violations;
    }

    public void fail(String field, String code, String message) {
        violations.add(new Violation(field, code, message));
    }

    public void uscc(String field, @Nullable String code) {
        if (code != null && !Uscc.isValid(code)) fail(field, "invalid-uscc", "is not a valid unified social credit code");
    }

    public LocalizedText text(String field, LocalizedText text, int max) {
        LocalizedText t = new LocalizedText(strip(text.zh()), strip(text.en()));
        if (t.hasNoText()) fail(field, "missing-language", "needs a Chinese or an English text");
        length(field + ".zh", t.zh(), max);
        length(field + ".en", t.en(), max);
        return t;
    }

    public @Nullable String text(String field, @Nullable String text, int max) {
        String t = strip(text);
        length(field, t, max);
        return t;
    }

    private void length(String field, @Nullable String t, int max) {
        if (t != null && t.codePointCount(0, t.length()) > max) fail(field, "text-too-long", "is longer than " + max + " characters");
    }

    public List<String> keywords(String field, @Nullable List<String> keywords) {
        if (keywords == null) return List.of();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < keywords.size(); i++) {
            String k = strip(keywords.get(i));
            if (k == null || k.codePointCount(0, k.length()) > 50) fail(field + "[" + i + "]", "invalid-keyword", "must be 1 to 50 characters");
            else out.add(k);
        }
        if (out.size() > 20) fail(field, "too-many-keywords", "at most 20 keywords");
        return List.copyOf(out);
    }

    public void region(String field, @Nullable String region) {
        if (region == null || !REGION.matcher(region).matches() || region.equals("000000")) {
            fail(field, "invalid-region", "must be a six-digit GB/T 2260 administrative division code");
        }
    }

    /** A CNY amount: plain decimal, non-negative, at most two decimals; returned normalised or null when invalid. */
    public @Nullable Money money(String field, @Nullable Money money) {
        if (money == null) return null;
        if (!"CNY".equals(money.currency())) fail(field + ".currency", "unsupported-currency", "only CNY is accepted");
        BigDecimal v = amount(field + ".amount", money.amount());
        return v == null ? money : new Money(v.setScale(2).toPlainString(), "CNY");
    }

    public @Nullable AmountRange range(String field, @Nullable AmountRange range) {
        if (range == null) return null;
        if (range.currency() != null && !"CNY".equals(range.currency())) fail(field + ".currency", "unsupported-currency", "only CNY is accepted");
        BigDecimal min = amount(field + ".min", range.min());
        BigDecimal max = amount(field + ".max", range.max());
        if (min == null || max == null) return range;
        if (min.compareTo(max) > 0) fail(field, "invalid-range", "min must not exceed max");
        return new AmountRange(min.setScale(2).toPlainString(), max.setScale(2).toPlainString(), "CNY");
    }

    public @Nullable BigDecimal amount(String field, @Nullable String text) {
        BigDecimal v = Cny.parse(text);
        if (v == null) {
            fail(field, "invalid-amount", "must be a decimal number in yuan, e.g. \"1200000.00\"");
            return null;
        }
        if (v.signum() < 0) fail(field, "negative-amount", "must not be negative");
        if (v.stripTrailingZeros().scale() > 2) fail(field, "amount-scale", "has more than two decimals (fen)");
        return v.signum() < 0 || v.stripTrailingZeros().scale() > 2 ? null : v;
    }

    static @Nullable String strip(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
