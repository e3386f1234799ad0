package io.ttx.vouchers;

import io.ttx.identity.CurrentUser;
import io.ttx.vouchers.domain.Caller;
import io.ttx.vouchers.domain.Provinces;

import java.util.EnumSet;
import java.util.Set;

/** The caller as the voucher rules see it: roles that matter to vouchers, and the province of its region claim. */
final class VoucherCallers {
    private VoucherCallers() { }

    static Caller of(CurrentUser user) {
        Set<Caller.Role> roles = EnumSet.noneOf(Caller.Role.class);
        for (var r : user.roles()) {
            for (Caller.Role v : Caller.Role.values()) {
                if (v.name().equals(r.name())) roles.add(v);
            }
        }
        return new Caller(user.subject(), user.org(), Provinces.of(user.region()), roles);
    }
}
