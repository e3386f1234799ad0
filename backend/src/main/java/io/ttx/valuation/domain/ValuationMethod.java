package io.ttx.valuation.domain;

/**
 * The valuation methods a request may combine. {@link #key()} is the member name used in requests, responses and
 * validation paths ({@code methods.<key>}, {@code weights.<key>}); the declaration order is the order of results.
 */
public enum ValuationMethod {
    INCOME_DCF("incomeDcf"),
    RELIEF_FROM_ROYALTY("reliefFromRoyalty"),
    RNPV("rnpv"),
    COST("cost"),
    MARKET("market"),
    REAL_OPTION("realOption");

    private final String key;

    ValuationMethod(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The method whose {@link #key()} is the given one. */
    public static ValuationMethod ofKey(String key) {
        for (ValuationMethod method : values()) {
            if (method.key.equals(key)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown valuation method " + key);
    }

    String field(String name) {
        return "methods." + key + "." + name;
    }
}
