package io.ttx.vouchers.domain;

import static io.ttx.vouchers.domain.VoucherFixtures.ADMIN_JS;
import static io.ttx.vouchers.domain.VoucherFixtures.ADMIN_ZJ;
import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER;
import static io.ttx.vouchers.domain.VoucherFixtures.NOW;
import static io.ttx.vouchers.domain.VoucherFixtures.ZHEJIANG;
import static io.ttx.vouchers.domain.VoucherFixtures.accepted;
import static io.ttx.vouchers.domain.VoucherFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Admission of agencies: applying, the public notice, objections during it, the province's decision after it. */
class AdmissionTests {
    static final Duration NOTICE = Duration.ofDays(7);
    static final Caller AGENCY = new Caller("ag-1", "91330100MA0000AG1X", ZHEJIANG, Set.of(Caller.Role.AGENCY));

    static Admission.Application application() {
        return new Admission.Application("浙江省检测中心", ZHEJIANG, Set.of(Category.TESTING_INSPECTION), "ctrl-ag");
    }

    static Agency applied() {
        return accepted(Admission.apply("sa-1", application(), AGENCY, NOTICE, NOW));
    }

    @Test
    void anAgencyAppliesAndItsNoticeRunsSevenDays() {
        Agency a = applied();
        assertThat(a.status()).isEqualTo(AgencyStatus.NOTICE);
        assertThat(a.noticeEndsAt()).isEqualTo(NOW.plus(NOTICE));
        assertThat(a.org()).isEqualTo(AGENCY.org());
        assertThat(a.facts().admitted()).isFalse();
        rejected(Admission.apply("sa-1", application(), HOLDER, NOTICE, NOW), VoucherRejection.Kind.FORBIDDEN, VoucherCodes.FORBIDDEN);
        rejected(Admission.apply("sa-1", application(), new Caller("ag", null, ZHEJIANG, Set.of(Caller.Role.AGENCY)), NOTICE, NOW),
            VoucherRejection.Kind.FORBIDDEN, VoucherCodes.FORBIDDEN);
        for (Admission.Application bad : List.of(new Admission.Application(" ", ZHEJIANG, Set.of(Category.RD_DESIGN), "c"),
                new Admission.Application("n", "330100", Set.of(Category.RD_DESIGN), "c"), new Admission.Application("n", ZHEJIANG, Set.of(), "c"),
                new Admission.Application("n", ZHEJIANG, Set.of(Category.RD_DESIGN), "c".repeat(65)))) {
            rejected(Admission.apply("sa-1", bad, AGENCY, NOTICE, NOW), VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.INVALID_AGENCY);
        }
    }

    @Test
    void objectionsAreTakenOnlyDuringTheNotice() {
        Agency a = applied();
        Agency objected = accepted(Admission.object(a, NOW.plus(NOTICE).minusMillis(1)));
        assertThat(objected.objections()).isEqualTo(1);
        rejected(Admission.object(a, NOW.plus(NOTICE)), VoucherRejection.Kind.CONFLICT, VoucherCodes.NOTICE_ENDED);
    }

    @Test
    void theProvincesRegionAdminAdmitsAfterTheNoticeAndRejectsAnyTimeOnce() {
        Agency a = applied();
        rejected(Admission.decide(a, ADMIN_ZJ, true, "ok", NOW.plus(NOTICE).minusMillis(1)), VoucherRejection.Kind.CONFLICT, VoucherCodes.NOTICE_PERIOD);
        rejected(Admission.decide(a, ADMIN_JS, true, "ok", NOW.plus(NOTICE)), VoucherRejection.Kind.FORBIDDEN, VoucherCodes.FORBIDDEN);
        Agency admitted = accepted(Admission.decide(a, ADMIN_ZJ, true, "ok", NOW.plus(NOTICE)));
        assertThat(admitted.status()).isEqualTo(AgencyStatus.ADMITTED);
        assertThat(admitted.facts().admitted()).isTrue();
        assertThat(admitted.decidedBy()).isEqualTo("ra-zj");
        rejected(Admission.decide(admitted, ADMIN_ZJ, false, "no", NOW.plus(NOTICE)), VoucherRejection.Kind.CONFLICT, VoucherCodes.AGENCY_DECIDED);
        assertThat(accepted(Admission.decide(a, ADMIN_ZJ, false, "credit check failed", NOW)).status()).isEqualTo(AgencyStatus.REJECTED);
    }
}
