package io.ttx.vouchers.domain;

import static io.ttx.vouchers.domain.VoucherFixtures.ADMIN_JS;
import static io.ttx.vouchers.domain.VoucherFixtures.ADMIN_ZJ;
import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER;
import static io.ttx.vouchers.domain.VoucherFixtures.JIANGSU;
import static io.ttx.vouchers.domain.VoucherFixtures.NOW;
import static io.ttx.vouchers.domain.VoucherFixtures.PLATFORM_ADMIN;
import static io.ttx.vouchers.domain.VoucherFixtures.SHANGHAI;
import static io.ttx.vouchers.domain.VoucherFixtures.ZHEJIANG;
import static io.ttx.vouchers.domain.VoucherFixtures.accepted;
import static io.ttx.vouchers.domain.VoucherFixtures.draft;
import static io.ttx.vouchers.domain.VoucherFixtures.programme;
import static io.ttx.vouchers.domain.VoucherFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Creating a programme: only the province's region admin, every field checked, and the budget arithmetic. */
class ProgrammesTests {
    static ProgrammeDraft with(UnaryOperator<Object[]> change) {
        ProgrammeDraft d = draft();
        Object[] f = {d.name(), d.region(), d.budget(), d.periodStart(), d.periodEnd(), d.categories(), d.capPerEnterprisePerYear(),
            d.capPerControllerPerYear(), d.voucherValidityDays(), d.acceptedProviderRegions(), d.autoApproveBelow()};
        f = change.apply(f);
        @SuppressWarnings("unchecked")
        ProgrammeDraft changed = new ProgrammeDraft((String) f[0], (String) f[1], (Long) f[2], (LocalDate) f[3], (LocalDate) f[4],
            (List<ProgrammeDraft.CategoryRatio>) f[5], (Long) f[6], (Long) f[7], (Integer) f[8], (Set<String>) f[9], (Long) f[10]);
        return changed;
    }

    static UnaryOperator<Object[]> set(int i, Object v) {
        return f -> {
            f[i] = v;
            return f;
        };
    }

    @Test
    void theProvincesRegionAdminCreatesItWithNothingIssued() {
        Programme p = programme();
        assertThat(p.available()).isEqualTo(1_000_000_000L);
        assertThat(p.issued() + p.redeemed() + p.returned()).isZero();
        assertThat(p.subsidyRatios()).containsOnlyKeys(Category.TESTING_INSPECTION, Category.RD_DESIGN);
        assertThat(p.createdBy()).isEqualTo("ra-zj");
        for (Caller c : List.of(ADMIN_JS, PLATFORM_ADMIN, HOLDER, new Caller("ra-x", null, null, Set.of(Caller.Role.REGION_ADMIN)))) {
            rejected(Programmes.create("vp-1", draft(), c, NOW), VoucherRejection.Kind.FORBIDDEN, VoucherCodes.FORBIDDEN);
        }
    }

    @Test
    void theIssuingProvinceAndTheListedOnesAreAccepted() {
        Programme p = programme();
        assertThat(p.accepts(ZHEJIANG)).isTrue();
        assertThat(p.accepts(JIANGSU)).isTrue();
        assertThat(p.accepts(SHANGHAI)).isFalse();
        Programme anywhere = accepted(Programmes.create("vp-2", with(set(9, Set.of("*"))), ADMIN_ZJ, NOW));
        assertThat(anywhere.accepts(SHANGHAI)).isTrue();
    }

    @Test
    void everyFieldIsChecked() {
        List<UnaryOperator<Object[]>> bad = List.of(set(0, " "), set(0, "x".repeat(201)), set(1, "330100"), set(1, "990000"),
            set(2, 0L), set(2, VoucherLimits.MAX_AMOUNT + 1), set(4, LocalDate.of(2025, 12, 31)), set(5, List.of()),
            set(5, List.of(new ProgrammeDraft.CategoryRatio(Category.RD_DESIGN, BigDecimal.ZERO))),
            set(5, List.of(new ProgrammeDraft.CategoryRatio(Category.RD_DESIGN, new BigDecimal("1.01")))),
            set(5, List.of(new ProgrammeDraft.CategoryRatio(Category.RD_DESIGN, new BigDecimal("0.1234567")))),
            set(5, List.of(new ProgrammeDraft.CategoryRatio(Category.RD_DESIGN, BigDecimal.ONE),
                new ProgrammeDraft.CategoryRatio(Category.RD_DESIGN, BigDecimal.ONE))),
            set(6, 0L), set(7, -1L), set(8, 0), set(8, 3661), set(9, Set.of("32")), set(10, -1L));
        for (UnaryOperator<Object[]> change : bad) {
            ProgrammeDraft d = with(change);
            Caller admin = Provinces.isProvince(d.region()) ? new Caller("ra", null, d.region(), Set.of(Caller.Role.REGION_ADMIN)) : ADMIN_ZJ;
            rejected(Programmes.create("vp-1", d, admin, NOW), VoucherRejection.Kind.UNPROCESSABLE, VoucherCodes.INVALID_PROGRAMME);
        }
        assertThat(accepted(Programmes.create("vp-1", with(set(5, List.of(new ProgrammeDraft.CategoryRatio(Category.IP_SERVICES, BigDecimal.ONE)))),
            ADMIN_ZJ, NOW)).subsidyRatios()).containsEntry(Category.IP_SERVICES, BigDecimal.ONE);
        assertThat(accepted(Programmes.create("vp-1", with(set(4, LocalDate.of(2026, 1, 1))), ADMIN_ZJ, NOW)).isOpenOn(LocalDate.of(2026, 1, 1))).isTrue();
    }

    @Test
    void provincesAreTheThirtyFourProvincialCodes() {
        assertThat(List.of("110000", "330000", "650000", "710000", "820000")).allMatch(Provinces::isProvince);
        assertThat(List.of("330100", "000000", "990000", "33000", "3300000", "abcdef")).noneMatch(Provinces::isProvince);
        assertThat(Provinces.of("330106")).isEqualTo("330000");
        assertThat(Provinces.of("990106")).isNull();
        assertThat(Provinces.of("33a106")).isNull();
        assertThat(Provinces.of(null)).isNull();
    }
}
