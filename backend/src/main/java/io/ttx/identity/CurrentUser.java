package io.ttx.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The authenticated caller as every capability sees it: who (subject), what they may do (roles) and on whose
 * behalf (organisation by unified social credit code, region by GB/T 2260 code), all from the validated token.
 */
public record CurrentUser(String subject, Set<Role> roles, @Nullable String org, @Nullable String region) {

    public static CurrentUser of(Jwt jwt) {
        return new CurrentUser(jwt.getSubject() == null ? "" : jwt.getSubject(), roles(jwt),
            jwt.getClaimAsString("org"), jwt.getClaimAsString("region"));
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
