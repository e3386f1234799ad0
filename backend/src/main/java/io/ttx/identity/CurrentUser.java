package io.ttx.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The authenticated caller as every capability sees it: who (subject), what they may do (roles) and on whose
 * behalf (organisation by unified social credit code, region by GB/T 2260 code), all from the validated token; for a
 * peer platform of the voucher federation also the provinces it hosts ({@code regions}, empty for everyone else).
 */
public record CurrentUser(String subject, Set<Role> roles, @Nullable String org, @Nullable String region, List<String> regions) {
    /** At most this many provinces in a {@code regions} claim (China has 34 provincial divisions). */
    static final int MAX_REGIONS = 40;

    public CurrentUser {
        regions = List.copyOf(regions);
    }

    public CurrentUser(String subject, Set<Role> roles, @Nullable String org, @Nullable String region) {
        this(subject, roles, org, region, List.of());
    }

    public static CurrentUser of(Jwt jwt) {
        return new CurrentUser(jwt.getSubject() == null ? "" : jwt.getSubject(), roles(jwt),
            jwt.getClaimAsString("org"), jwt.getClaimAsString("region"), regions(jwt));
    }

    /**
     * The {@code regions} claim: province codes (six digits ending {@code 0000}), in order, each once. A claim that is
     * not such an array, or longer than {@value #MAX_REGIONS}, counts as none: a token never widens a peer's reach by
     * being malformed.
     */
    static List<String> regions(Jwt jwt) {
        if (!(jwt.getClaims().get("regions") instanceof Collection<?> c) || c.size() > MAX_REGIONS) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (Object o : c) {
            if (!(o instanceof String s) || !isProvince(s)) return List.of();
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static boolean isProvince(String s) {
        if (s.length() != 6 || !s.endsWith("0000")) return false;
        for (int i = 0; i < 6; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) return true;
        }
        return false;
    }

    /** Whether the caller acts for the given organisation. */
    public boolean belongsTo(@Nullable String organisation) {
        return org != null && org.equals(organisation);
    }

    /** Unknown role names are ignored: a token can never grant more than the roles this platform defines. */
    static Set<Role> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get("roles");
        Collection<?> names = claim instanceof Collection<?> c ? c : claim instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
        Set<Role> out = new LinkedHashSet<>();
        for (Object n : names) {
            Role r = Role.fromClaim(String.valueOf(n));
            if (r != null) out.add(r);
        }
        return Set.copyOf(out);
    }
}
