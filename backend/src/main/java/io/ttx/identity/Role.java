package io.ttx.identity;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/** The platform roles, as they appear (lower case) in the token's {@code roles} claim. */
public enum Role {
    RESEARCHER, TTO, ENTERPRISE, BROKER, AGENCY, REGION_ADMIN, ADMIN, EVALUATOR, AUDITOR,
    /** Another platform of the voucher federation (a service client); the provinces it hosts are its {@code regions}. */
    PEER;

    /** The claim value, e.g. {@code region-admin}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The Spring Security authority, e.g. {@code ROLE_region-admin}; rules use {@code hasRole(claim())}. */
    public String authority() {
        return "ROLE_" + claim();
    }

    public static @Nullable Role fromClaim(String value) {
        for (Role r : values()) {
            if (r.claim().equals(value)) return r;
        }
        return null;
    }
}
