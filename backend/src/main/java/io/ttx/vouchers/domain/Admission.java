package io.ttx.vouchers.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** The rules of admitting service agencies: applying, objecting during the public notice, deciding after it. */
public final class Admission {
    private Admission() { }

    /** What an agency applies with. */
    public record Application(String name, String region, Set<Category> categories, String controller) {
        public Application {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(region, "region");
            categories = Set.copyOf(categories);
            Objects.requireNonNull(controller, "controller");
        }
    }

    /**
     * An agency user of an organisation applies in a province (403 otherwise); 422 invalid-agency for a name of 1-200
     * characters, a region that is not a province, no category, a controller of 1-64 characters. The public notice
     * runs for {@code notice} from now.
     */
    public static Decision<Agency> apply(String id, Application a, Caller caller, Duration notice, Instant now) {
        return Decision.of(() -> {
            String org = caller.org();
            if (org == null || !caller.roles().contains(Caller.Role.AGENCY)) {
                throw Refused.forbidden(VoucherCodes.FORBIDDEN, "only an agency user of an organisation applies");
            }
            if (a.name().isBlank() || a.name().length() > VoucherLimits.NAME) throw invalid("name: 1 to " + VoucherLimits.NAME + " characters");
            if (!Provinces.isProvince(a.region())) throw invalid("region: a province code ending in 0000");
            if (a.categories().isEmpty()) throw invalid("categories: at least one");
            if (a.controller().isBlank() || a.controller().length() > VoucherLimits.CONTROLLER) {
                throw invalid("controller: 1 to " + VoucherLimits.CONTROLLER + " characters");
            }
            return new Agency(id, org, a.name(), a.region(), a.categories(), a.controller(), AgencyStatus.NOTICE, now, now.plus(notice), 0,
                null, null, null, 0);
        });
    }

    /** An objection is taken while the agency is under notice and the notice runs (409 notice-ended). */
    public static Decision<Agency> object(Agency a, Instant now) {
        return Decision.of(() -> {
            if (a.status() != AgencyStatus.NOTICE || !now.isBefore(a.noticeEndsAt())) {
                throw Refused.conflict(VoucherCodes.NOTICE_ENDED, "the public notice ended at " + a.noticeEndsAt());
            }
            return new Agency(a.id(), a.org(), a.name(), a.region(), a.categories(), a.controller(), a.status(), a.appliedAt(),
                a.noticeEndsAt(), a.objections() + 1, null, null, null, a.version() + 1);
        });
    }

    /**
     * A region admin of the agency's province decides (403 otherwise); 409 agency-decided when decided before; admitting
     * only once the notice ended (409 notice-period), rejecting at any time.
     */
    public static Decision<Agency> decide(Agency a, Caller caller, boolean admit, String note, Instant now) {
        return Decision.of(() -> {
            if (!caller.administers(a.region())) throw Refused.forbidden(VoucherCodes.FORBIDDEN, "only a region admin of " + a.region() + " decides");
            if (a.status() != AgencyStatus.NOTICE) throw Refused.conflict(VoucherCodes.AGENCY_DECIDED, "the agency is " + a.status());
            if (admit && now.isBefore(a.noticeEndsAt())) throw Refused.conflict(VoucherCodes.NOTICE_PERIOD, "the public notice runs until " + a.noticeEndsAt());
            return new Agency(a.id(), a.org(), a.name(), a.region(), a.categories(), a.controller(),
                admit ? AgencyStatus.ADMITTED : AgencyStatus.REJECTED, a.appliedAt(), a.noticeEndsAt(), a.objections(), caller.subject(), note,
                now, a.version() + 1);
        });
    }

    private static Refused invalid(String message) {
        return Refused.unprocessable(VoucherCodes.INVALID_AGENCY, message);
    }
}
