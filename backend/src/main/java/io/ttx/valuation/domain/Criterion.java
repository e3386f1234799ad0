package io.ttx.valuation.domain;

/**
 * The six criteria of the qualitative evaluation (GB/T 44731-2024): scientific, technical, economic, social and
 * cultural value plus transfer potential. {@link #key()} is the JSON member name; declaration order is display order.
 */
public enum Criterion {
    SCIENTIFIC("scientific"),
    TECHNICAL("technical"),
    ECONOMIC("economic"),
    SOCIAL("social"),
    CULTURAL("cultural"),
    TRANSFER_POTENTIAL("transferPotential");

    private final String key;

    Criterion(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The criterion whose {@link #key()} is the given one. */
    public static Criterion ofKey(String key) {
        for (Criterion criterion : values()) {
            if (criterion.key.equals(key)) {
                return criterion;
            }
        }
        throw new IllegalArgumentException("unknown evaluation criterion " + key);
    }
}
