package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A service agency's admission in one province: its organisation, name, controller and the categories it serves; under
 * public notice until {@code noticeEndsAt} (objections may be filed), then decided by a region admin of the province.
 */
public record Agency(String id, String org, String name, String region, Set<Category> categories, String controller,
                     AgencyStatus status, Instant appliedAt, Instant noticeEndsAt, int objections, @Nullable String decidedBy,
                     @Nullable String note, @Nullable Instant decidedAt, long version) {
    public Agency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        categories = Set.copyOf(categories);
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(noticeEndsAt, "noticeEndsAt");
    }

    public AgencyFacts facts() {
        return new AgencyFacts(id, org, controller, region, categories, status == AgencyStatus.ADMITTED);
    }
}
