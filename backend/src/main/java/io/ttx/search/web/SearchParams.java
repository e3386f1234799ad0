package io.ttx.search.web;

import io.ttx.catalogue.TechField;
import io.ttx.catalogue.TradeMethod;
import io.ttx.catalogue.TransferMode;
import io.ttx.search.SearchQuery;
import io.ttx.shared.Cny;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.Uscc;
import io.ttx.shared.web.FieldErrors;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and checks the search parameters; every bad one is listed in one 400 (never an Elasticsearch error). Every
 * list has its bound ({@code too-many}, counted before any value is looked at) and every value its length, checked
 * before a pattern or a parser sees it; an unknown value is echoed only when it is short.
 */
public final class SearchParams {
    /** Values of a repeatable filter (comma-separated or repeated): regions and IPC prefixes; enums at most their count. */
    static final int MAX_VALUES = 20;
    /** The longest IPC prefix worth matching (a full symbol with spaces, as the catalogue accepts it). */
    static final int MAX_IPC = 50;
    /** Unknown values up to this length are named in the message; longer ones are not echoed. */
    private static final int ECHO = 40;

    private static final Pattern IPC_PREFIX = Pattern.compile("[A-H]([0-9]{2}[A-Z]?.*)?");
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private final MultiValueMap<String, String> p;
    private final List<Map<String, String>> errors = new ArrayList<>();

    private SearchParams(MultiValueMap<String, String> p) {
        this.p = p;
    }

    public static SearchQuery parse(MultiValueMap<String, String> params, int maxQueryLength) {
        SearchParams s = new SearchParams(params);
        String q = s.one("q", "");
        if (q.length() > maxQueryLength) s.fail("q", "too-long", "at most " + maxQueryLength + " characters");
        List<TechField> fields = s.enums("field", TechField.values().length, TechField::valueOf);
        List<String> ipc = s.bounded("ipc", MAX_VALUES).stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
        for (String v : ipc) {
            if (v.length() > MAX_IPC || !IPC_PREFIX.matcher(v).matches()) s.fail("ipc", "invalid", "an IPC section (A-H) or a symbol prefix such as H01M");
        }
        Integer trlMin = s.integer("trlMin", 1, 9);
        Integer trlMax = s.integer("trlMax", 1, 9);
        List<String> regions = s.bounded("region", MAX_VALUES);
        for (String r : regions) if (r.length() != 6 || !REGION.matcher(r).matches()) s.fail("region", "invalid", "a six-digit GB/T 2260 code");
        BigDecimal priceMin = s.amount("priceMin");
        BigDecimal priceMax = s.amount("priceMax");
        String owner = s.one("owner", null);
        if (owner != null && !Uscc.isValid(owner)) s.fail("owner", "invalid", "a unified social credit code");
        SearchQuery.Sort sort = SearchQuery.Sort.RELEVANCE;
        String sortText = s.one("sort", "relevance");
        try {
            sort = SearchQuery.Sort.valueOf(sortText.length() > ECHO ? "" : sortText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            s.fail("sort", "invalid", "relevance, newest or price");
        }
        Integer size = s.integer("size", 1, 100);
        List<TransferMode> modes = s.enums("transferMode", TransferMode.values().length, TransferMode::valueOf);
        List<TradeMethod> methods = s.enums("tradeMethod", TradeMethod.values().length, TradeMethod::valueOf);
        if (!s.errors.isEmpty()) throw new MalformedInput(s.errors);
        return new SearchQuery(q.strip(), fields, ipc, trlMin, trlMax, regions, modes, methods, priceMin, priceMax, owner, sort,
            s.one("cursor", null), size == null ? 20 : size);
    }

    /** {@code prefix} (1..50 characters after trimming) and {@code size} (1..10, default 10) of a suggestions request. */
    static Prefix prefix(MultiValueMap<String, String> params) {
        SearchParams s = new SearchParams(params);
        String prefix = s.one("prefix", "").strip();
        int length = prefix.codePointCount(0, prefix.length());
        if (length == 0) s.fail("prefix", "required", "the text typed so far (1 to " + Prefix.MAX + " characters)");
        if (length > Prefix.MAX) s.fail("prefix", "too-long", "at most " + Prefix.MAX + " characters");
        Integer size = s.integer("size", 1, 10);
        if (!s.errors.isEmpty()) throw new MalformedInput(s.errors);
        return new Prefix(prefix, size == null ? 10 : size);
    }

    record Prefix(String text, int size) {
        static final int MAX = 50;
    }

    /** The {@code size} of a matching request: 1..50, default 10. */
    static int matchSize(MultiValueMap<String, String> params) {
        SearchParams s = new SearchParams(params);
        Integer size = s.integer("size", 1, 50);
        if (!s.errors.isEmpty()) throw new MalformedInput(s.errors);
        return size == null ? 10 : size;
    }

    private void fail(String field, String code, String message) {
        errors.add(FieldErrors.of(field, code, message));
    }

    private List<String> all(String name) {
        List<String> v = p.get(name);
        return v == null ? List.of() : v.stream().flatMap(x -> List.of(x.split(",")).stream()).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** The values of a repeatable parameter, or none (and {@code too-many}) when there are more than {@code max}. */
    private List<String> bounded(String name, int max) {
        List<String> values = all(name);
        if (values.size() <= max) return values;
        fail(name, "too-many", "at most " + max + " values");
        return List.of();
    }

    private String one(String name, String fallback) {
        String v = p.getFirst(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private Integer integer(String name, int min, int max) {
        String v = one(name, null);
        if (v == null) return null;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(name, "invalid", "an integer from " + min + " to " + max);
        return null;
    }

    private BigDecimal amount(String name) {
        String v = one(name, null);
        if (v == null) return null;
        BigDecimal d = Cny.parse(v.strip());
        if (d == null || d.signum() < 0 || d.stripTrailingZeros().scale() > 2) {
            fail(name, "invalid", "an amount in yuan with at most two decimals");
            return null;
        }
        return d;
    }

    /** Enum values, each at most once: no more values than the enum has. */
    private <E> List<E> enums(String name, int max, Function<String, E> parse) {
        List<E> out = new ArrayList<>();
        for (String v : bounded(name, max)) {
            try {
                out.add(parse.apply(v.length() > ECHO ? "" : v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                fail(name, "invalid", v.length() > ECHO ? "unknown value" : "unknown value " + v);
            }
        }
        return out;
    }
}
