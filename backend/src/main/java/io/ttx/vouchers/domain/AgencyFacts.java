package io.ttx.vouchers.domain;

import java.util.Objects;
import java.util.Set;

/** What redemption needs of a service agency: its organisation, controller, the province and categories of its admission. */
public record AgencyFacts(String id, String org, String controller, String province, Set<Category> categories, boolean admitted) {
    public AgencyFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(province, "province");
        categories = Set.copyOf(categories);
    }
}
