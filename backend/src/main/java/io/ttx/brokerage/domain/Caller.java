package io.ttx.brokerage.domain;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated user as the caller reads it from the JWT: subject, organisation (USCC, null for platform staff
 * without one) and roles. {@link Actor#of} turns it into the relation to one deal.
 */
public record Caller(String subject, @Nullable String org, Set<Role> roles) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }
}
