package io.ttx.vouchers;

import io.ttx.vouchers.domain.Agency;
import io.ttx.vouchers.domain.AgencyStatus;
import io.ttx.vouchers.domain.Category;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A service agency's admission as clients see it (module API). The controller is shown to the agency itself, region
 * admins of its province, admins and auditors only.
 */
public record AgencyView(String id, String org, String name, String region, List<Category> categories, @Nullable String controller,
                         AgencyStatus status, Instant appliedAt, Instant noticeEndsAt, int objections, @Nullable String note,
                         @Nullable Instant decidedAt) {

    static AgencyView of(Agency a, boolean seesController) {
        return new AgencyView(a.id(), a.org(), a.name(), a.region(), a.categories().stream().sorted().toList(),
            seesController ? a.controller() : null, a.status(), a.appliedAt(), a.noticeEndsAt(), a.objections(), a.note(), a.decidedAt());
    }
}
