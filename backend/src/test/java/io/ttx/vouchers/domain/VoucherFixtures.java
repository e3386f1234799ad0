package io.ttx.vouchers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Zhejiang's programme, its region admin, a holder, agencies in Zhejiang and Jiangsu, and decision helpers. */
final class VoucherFixtures {
    static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final String ZHEJIANG = "330000";
    static final String JIANGSU = "320000";
    static final String SHANGHAI = "310000";
    static final String HOLDER_ORG = "91330100MA0000001X";
    static final String HOLDER_CONTROLLER = "ctrl-holder";
    static final Caller ADMIN_ZJ = new Caller("ra-zj", null, ZHEJIANG, Set.of(Caller.Role.REGION_ADMIN));
    static final Caller ADMIN_JS = new Caller("ra-js", null, JIANGSU, Set.of(Caller.Role.REGION_ADMIN));
    static final Caller PLATFORM_ADMIN = new Caller("admin", null, null, Set.of(Caller.Role.ADMIN));
    static final Caller HOLDER = new Caller("e-1", HOLDER_ORG, ZHEJIANG, Set.of(Caller.Role.ENTERPRISE));

    private VoucherFixtures() { }

    /**
     * 10,000,000.00 budget in 2026; testing at 50 %, R&D design at 40 %; caps 500,000.00 per holder and 650,000.00 per
     * controller; vouchers valid 180 days; Jiangsu agencies accepted; approved at once below 1,000.00.
     */
    static ProgrammeDraft draft() {
        return new ProgrammeDraft("浙江省创新券 2026", ZHEJIANG, 1_000_000_000L, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            List.of(new ProgrammeDraft.CategoryRatio(Category.TESTING_INSPECTION, new BigDecimal("0.5")),
                new ProgrammeDraft.CategoryRatio(Category.RD_DESIGN, new BigDecimal("0.4"))),
            50_000_000L, 65_000_000L, 180, Set.of(JIANGSU), 100_000L);
    }

    static Programme programme() {
        return accepted(Programmes.create("vp-1", draft(), ADMIN_ZJ, NOW));
    }

    static Voucher voucher(long face) {
        return accepted(Issuing.issue("v-1", programme(), new Issuing.IssueRequest(HOLDER_ORG, HOLDER_CONTROLLER, face), ADMIN_ZJ,
            new Issuing.YearSoFar(0, 0), TODAY, NOW));
    }

    static AgencyFacts agency(String province) {
        return new AgencyFacts("ag-" + province, "91" + province + "MA00000A1", "ctrl-agency-" + province, province,
            Set.of(Category.TESTING_INSPECTION, Category.RD_DESIGN, Category.IP_SERVICES), true);
    }

    static RedemptionRequest invoice(String number, long amount, Category category) {
        return new RedemptionRequest(number, amount, category, "salt spray test of 12 samples", null);
    }

    static <T> T accepted(Decision<T> d) {
        assertThat(d).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<T>) d).value();
    }

    static void rejected(Decision<?> d, VoucherRejection.Kind kind, String code) {
        assertThat(d).isInstanceOfSatisfying(Decision.Rejected.class, r -> {
            assertThat(r.rejection().code()).isEqualTo(code);
            assertThat(r.rejection().kind()).isEqualTo(kind);
        });
    }
}
