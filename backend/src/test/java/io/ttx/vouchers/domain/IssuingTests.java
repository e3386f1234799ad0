package io.ttx.vouchers.domain;

import static io.ttx.vouchers.domain.VoucherFixtures.ADMIN_JS;
import static io.ttx.vouchers.domain.VoucherFixtures.ADMIN_ZJ;
import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER;
import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER_CONTROLLER;
import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER_ORG;
import static io.ttx.vouchers.domain.VoucherFixtures.NOW;
import static io.ttx.vouchers.domain.VoucherFixtures.PLATFORM_ADMIN;
import static io.ttx.vouchers.domain.VoucherFixtures.TODAY;
import static io.ttx.vouchers.domain.VoucherFixtures.accepted;
import static io.ttx.vouchers.domain.VoucherFixtures.programme;
import static io.ttx.vouchers.domain.VoucherFixtures.rejected;
import static io.ttx.vouchers.domain.VoucherFixtures.voucher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issuing within the period, the budget and the yearly caps; expiry and revocation returning the remainder. */
class IssuingTests {
    static Decision<Voucher> issue(Programme p, long face, long holderSoFar, long controllerSoFar, LocalDate day) {
        return Issuing.issue("v-1", p, new Issuing.IssueRequest(HOLDER_ORG, HOLDER_CONTROLLER, face), ADMIN_ZJ,
            new Issuing.YearSoFar(holderSoFar, controllerSoFar), day, NOW);
    }

    static Programme withCounters(long issued, long returned) {
        Programme p = programme();
        return new Programme(p.id(), p.name(), p.region(), p.budget(), p.periodStart(), p.periodEnd(), p.subsidyRatios(),
            p.capPerEnterprisePerYear(), p.capPerControllerPerYear(), p.voucherValidityDays(), p.acceptedProviderRegions(),
            p.autoApproveBelow(), issued, 0, returned, p.createdBy(), p.createdAt(), 3);
    }

    @Test
    void aVoucherIsActiveFromTodayForTheProgrammesValidityDays() {
        Voucher v = voucher(20_000_000);
        assertThat(v.status()).isEqualTo(VoucherStatus.ACTIVE);
        assertThat(v.issuerRegion()).isEqualTo("330000");
        assertThat(v.remaining()).isEqualTo(20_000_000);
        assertThat(v.validFrom()).isEqualTo(TODAY);
        assertThat(v.validUntil()).isEqualTo(TODAY.plusDays(179));
        assertThat(v.isUsableOn(TODAY.plusDays(179))).isTrue();
        assertThat(v.isUsableOn(TODAY.plusDays(180))).isFalse();
        assertThat(v.isUsableOn(TODAY.minusDays(1))).isFalse();
    }

    @Test
    void onlyTheProgrammesRegionAdminIssues() {
        for (Caller c : List.of(ADMIN_JS, PLATFORM_ADMIN, HOLDER)) {
            rejected(Issuing.issue("v-1", programme(), new Issuing.IssueRequest(HOLDER_ORG, HOLDER_CONTROLLER, 1), c, new Issuing.YearSoFar(0, 0),
                TODAY, NOW), VoucherRejection.Kind.FORBIDDEN, VoucherCodes.FORBIDDEN);
        }
    }

    @Test
    void theFaceValueIsAboveZeroAndBounded() {
        for (long face : new long[] {0, -1, VoucherLimits.MAX_AMOUNT + 1}) {
            rejected(issue(programme(), face, 0, 0, TODAY), VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.INVALID_FACE_VALUE);
        }
    }

    @Test
    void vouchersAreIssuedWithinTheProgrammesPeriodOnly() {
        rejected(issue(programme(), 100, 0, 0, LocalDate.of(2025, 12, 31)), VoucherRejection.Kind.CONFLICT, VoucherCodes.PROGRAMME_NOT_OPEN);
        rejected(issue(programme(), 100, 0, 0, LocalDate.of(2027, 1, 1)), VoucherRejection.Kind.CONFLICT, VoucherCodes.PROGRAMME_NOT_OPEN);
        assertThat(accepted(issue(programme(), 100, 0, 0, LocalDate.of(2026, 12, 31))).validUntil()).isEqualTo(LocalDate.of(2027, 6, 28));
    }

    @Test
    void theBudgetIsNeverOverspentAndReturnedValueCountsAgain() {
        Programme nearlyAll = withCounters(999_000_000L, 0);
        assertThat(accepted(issue(nearlyAll, 1_000_000L, 0, 0, TODAY)).faceValue()).isEqualTo(1_000_000L);
        rejected(issue(nearlyAll, 1_000_001L, 0, 0, TODAY), VoucherRejection.Kind.CONFLICT, VoucherCodes.BUDGET_EXHAUSTED);
        Programme withReturns = withCounters(1_000_000_000L, 5_000_000L);
        assertThat(withReturns.available()).isEqualTo(5_000_000L);
        assertThat(accepted(issue(withReturns, 5_000_000L, 0, 0, TODAY)).faceValue()).isEqualTo(5_000_000L);
        rejected(issue(withReturns, 5_000_001L, 0, 0, TODAY), VoucherRejection.Kind.CONFLICT, VoucherCodes.BUDGET_EXHAUSTED);
    }

    @Test
    void theYearlyCapsPerHolderAndPerControllerHoldOnFaceValue() {
        Programme p = programme();
        assertThat(accepted(issue(p, 10_000_000L, 40_000_000L, 0, TODAY)).faceValue()).as("exactly the holder cap").isEqualTo(10_000_000L);
        rejected(issue(p, 10_000_001L, 40_000_000L, 0, TODAY), VoucherRejection.Kind.CONFLICT, VoucherCodes.CAP_EXCEEDED);
        assertThat(accepted(issue(p, 5_000_000L, 0, 60_000_000L, TODAY)).faceValue()).as("exactly the controller cap").isEqualTo(5_000_000L);
        rejected(issue(p, 5_000_001L, 0, 60_000_000L, TODAY), VoucherRejection.Kind.CONFLICT, VoucherCodes.CAP_EXCEEDED);
        rejected(issue(p, 50_000_001L, 0, 0, TODAY), VoucherRejection.Kind.CONFLICT, VoucherCodes.CAP_EXCEEDED);
        assertThat(Issuing.exceeds(Long.MAX_VALUE - 1, 10, Long.MAX_VALUE)).as("no overflow").isTrue();
    }

    @Test
    void anExpiredVoucherReturnsItsRemainderOnceAndIsNoLongerUsable() {
        Voucher v = voucher(20_000_000);
        Voucher used = new Voucher(v.id(), v.programmeId(), v.issuerRegion(), v.holderOrg(), v.holderController(), v.faceValue(), 7_000_000,
            v.validFrom(), v.validUntil(), v.status(), 0, v.issuedBy(), v.issuedAt(), v.updatedAt(), 1);
        assertThat(used.isDueToExpire(v.validUntil())).isFalse();
        Voucher expired = Issuing.expire(used, v.validUntil().plusDays(1), NOW);
        assertThat(expired.status()).isEqualTo(VoucherStatus.EXPIRED);
        assertThat(expired.returnedValue()).isEqualTo(13_000_000);
        assertThat(expired.redeemed()).isEqualTo(7_000_000);
        assertThat(expired.isDueToExpire(v.validUntil().plusDays(2))).isFalse();
        assertThatThrownBy(() -> Issuing.expire(expired, v.validUntil().plusDays(2), NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIssuingProvincesRegionAdminRevokesAnActiveVoucher() {
        Voucher v = voucher(20_000_000);
        rejected(Issuing.revoke(v, ADMIN_JS, NOW), VoucherRejection.Kind.FORBIDDEN, VoucherCodes.FORBIDDEN);
        rejected(Issuing.revoke(v, PLATFORM_ADMIN, NOW), VoucherRejection.Kind.FORBIDDEN, VoucherCodes.FORBIDDEN);
        Voucher revoked = accepted(Issuing.revoke(v, ADMIN_ZJ, NOW));
        assertThat(revoked.status()).isEqualTo(VoucherStatus.REVOKED);
        assertThat(revoked.returnedValue()).isEqualTo(20_000_000);
        rejected(Issuing.revoke(revoked, ADMIN_ZJ, NOW), VoucherRejection.Kind.CONFLICT, VoucherCodes.VOUCHER_NOT_ACTIVE);
    }
}
