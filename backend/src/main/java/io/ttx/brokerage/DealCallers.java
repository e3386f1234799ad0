package io.ttx.brokerage;

import io.ttx.brokerage.domain.Caller;
import io.ttx.brokerage.domain.Role;
import io.ttx.identity.CurrentUser;

import java.util.EnumSet;
import java.util.Set;

/** The caller as the deal rules see it: its subject, organisation and the roles that matter to deals. */
final class DealCallers {
    private DealCallers() { }

    static Caller of(CurrentUser user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (var r : user.roles()) {
            for (Role dealRole : Role.values()) {
                if (dealRole.name().equals(r.name())) roles.add(dealRole);
            }
        }
        return new Caller(user.subject(), user.org(), roles);
    }
}
