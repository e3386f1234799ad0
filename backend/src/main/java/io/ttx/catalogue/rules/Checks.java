package io.ttx.catalogue.rules;

import io.ttx.catalogue.AmountRange;
import io.ttx.catalogue.LocalizedText;
import io.ttx.catalogue.Money;
import io.ttx.catalogue.RuleViolations.Violation;
import io.ttx.shared.Cny;
import io.ttx.shared.Texts;
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
        Texts.Checked zh = Texts.check(text.zh(), max);
        Texts.Checked en = Texts.check(text.en(), max);
        if (zh.text() == null && en.text() == null && !zh.tooLong() && !en.tooLong()) {
            fail(field, "missing-language", "needs a Chinese or an English text");
        }
        tooLong(field + ".zh", zh, max);
        tooLong(field + ".en", en, max);
        return new LocalizedText(zh.text(), en.text());
    }

    /**
     * A free text as stored: stripped, NFC-normalised, null when blank; more than {@code max} code points in that form
     * is {@code text-too-long} (an oversized text is refused on its raw length, never normalised).
     */
    public @Nullable String text(String field, @Nullable String text, int max) {
        Texts.Checked t = Texts.check(text, max);
        tooLong(field, t, max);
        return t.text();
    }

    private void tooLong(String field, Texts.Checked t, int max) {
        if (t.tooLong()) fail(field, "text-too-long", "is longer than " + max + " characters");
    }

    /**
     * Whether a list is within its bound, judged on its size as sent before any item is looked at; {@code code} (for
     * example {@code too-many-inventors}) names the field otherwise. Null (absent) is within.
     */
    public boolean count(String field, @Nullable List<?> list, int max, String code) {
        if (list == null || list.size() <= max) return true;
        fail(field, code, "at most " + max + " items");
        return false;
    }

    /** Keywords: at most {@link Limits#KEYWORDS} as sent, each 1 to {@link Limits#KEYWORD} characters; duplicates dropped. */
    public List<String> keywords(String field, @Nullable List<String> keywords) {
        if (keywords == null || !count(field, keywords, Limits.KEYWORDS, "too-many-keywords")) return List.of();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < keywords.size(); i++) {
            Texts.Checked k = Texts.check(keywords.get(i), Limits.KEYWORD);
            if (k.text() == null || k.tooLong()) fail(field + "[" + i + "]", "invalid-keyword", "must be 1 to " + Limits.KEYWORD + " characters");
            else out.add(k.text());
        }
        return List.copyOf(out);
    }

    /** Each mode once, in the order given; at most as many as there are modes, counted as sent. */
    public <E extends Enum<E>> List<E> modes(String field, @Nullable List<E> modes) {
        if (modes == null || !count(field, modes, Limits.MODES, "too-many-items")) return List.of();
        return List.copyOf(new LinkedHashSet<>(modes));
    }

    public void region(String field, @Nullable String region) {
        if (region == null || region.length() != 6 || !REGION.matcher(region).matches() || region.equals("000000")) {
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
}
