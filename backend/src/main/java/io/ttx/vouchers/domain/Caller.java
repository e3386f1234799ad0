package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Set;

/** Who acts, as the voucher rules see it: subject, organisation, province (from the region claim) and roles. */
public record Caller(String subject, @Nullable String org, @Nullable String province, Set<Role> roles) {
    public enum Role { ENTERPRISE, AGENCY, REGION_ADMIN, ADMIN, AUDITOR }

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    /** A region admin of exactly this province. */
    public boolean administers(String province) {
        return roles.contains(Role.REGION_ADMIN) && province.equals(this.province);
    }
}
