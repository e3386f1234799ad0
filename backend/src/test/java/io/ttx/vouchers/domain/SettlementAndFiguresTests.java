package io.ttx.vouchers.domain;

import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER;
import static io.ttx.vouchers.domain.VoucherFixtures.HOLDER_ORG;
import static io.ttx.vouchers.domain.VoucherFixtures.accepted;
import static io.ttx.vouchers.domain.VoucherFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settlement lines and totals to the fen, post-subsidy figures, ratings. */
class SettlementAndFiguresTests {
    @Test
    void linesGroupByIssuerAndProviderAndTheTotalIsTheSumToTheFen() {
        List<Settlement.Line> lines = Settlement.lines(List.of(new Settlement.Item("330000", "320000", 1), new Settlement.Item("330000", "330000", 250),
            new Settlement.Item("330000", "320000", 99_999), new Settlement.Item("310000", "330000", 7)));
        assertThat(lines).containsExactly(new Settlement.Line("310000", "330000", 1, 7), new Settlement.Line("330000", "320000", 2, 100_000),
            new Settlement.Line("330000", "330000", 1, 250));
        assertThat(Settlement.total(lines)).isEqualTo(100_257);
        assertThat(Settlement.lines(List.of())).isEmpty();
    }

    @Test
    void positionsNetWhatEachPeerOwesUsAgainstWhatWeOweItToTheFen() {
        List<Settlement.Item> items = List.of(new Settlement.Item("330000", "320000", 500),
            new Settlement.Item("330000", "370000", 20_000, Settlement.Flow.WE_OWE, "shandong"),
            new Settlement.Item("370000", "330000", 40_001, Settlement.Flow.OWES_US, "shandong"),
            new Settlement.Item("330000", "370000", 1, Settlement.Flow.WE_OWE, "shandong"),
            new Settlement.Item("440000", "320000", 3, Settlement.Flow.OWES_US, "guangdong"),
            new Settlement.Item("330000", "110000", 9, Settlement.Flow.WE_OWE, "beijing"));
        assertThat(Settlement.positions(items)).containsExactly(new Settlement.Position("beijing", 0, 9),
            new Settlement.Position("guangdong", 3, 0), new Settlement.Position("shandong", 40_001, 20_001));
        assertThat(Settlement.positions(items).get(2).net()).isEqualTo(20_000);
        assertThat(Settlement.positions(items).get(0).net()).isEqualTo(-9);
        assertThat(Settlement.lines(items)).as("federated items have their lines too").contains(new Settlement.Line("370000", "330000", 1, 40_001),
            new Settlement.Line("330000", "370000", 2, 20_001));
        assertThat(Settlement.positions(List.of(new Settlement.Item("330000", "330000", 5)))).isEmpty();
    }

    @Test
    void twoPlatformsSettlingTheSameRedemptionsSeeMirroredPositions() {
        Random random = new Random(15);
        for (int round = 0; round < 200; round++) {
            List<Settlement.Item> here = new ArrayList<>();
            List<Settlement.Item> there = new ArrayList<>();
            for (int i = random.nextInt(20); i > 0; i--) {
                long subsidy = random.nextLong(1, 10_000_000_00L);
                if (random.nextBoolean()) { // our voucher, their agency
                    here.add(new Settlement.Item("330000", "370000", subsidy, Settlement.Flow.WE_OWE, "shandong"));
                    there.add(new Settlement.Item("330000", "370000", subsidy, Settlement.Flow.OWES_US, "yrd"));
                } else {
                    here.add(new Settlement.Item("370000", "330000", subsidy, Settlement.Flow.OWES_US, "shandong"));
                    there.add(new Settlement.Item("370000", "330000", subsidy, Settlement.Flow.WE_OWE, "yrd"));
                }
            }
            assertThat(Settlement.lines(here)).isEqualTo(Settlement.lines(there));
            List<Settlement.Position> a = Settlement.positions(here);
            List<Settlement.Position> b = Settlement.positions(there);
            assertThat(a).hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i).owesUs()).isEqualTo(b.get(i).weOwe());
                assertThat(a.get(i).net()).isEqualTo(-b.get(i).net());
            }
        }
    }

    @Test
    void anItemNamesAPeerExactlyWhenItIsFederated() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new Settlement.Item("330000", "370000", 1, Settlement.Flow.WE_OWE, null));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new Settlement.Item("330000", "330000", 1, Settlement.Flow.LOCAL, "shandong"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Settlement.Item("330000", "330000", -1));
    }

    @Test
    void performanceCountsRatesRepeatsAndComplaints() {
        Performance p = Performance.of(List.of(new Performance.Item("a", 100, 200, 5, false), new Performance.Item("a", 50, 100, 4, false),
            new Performance.Item("b", 10, 20, null, true), new Performance.Item("c", 1, 2, 4, false)));
        assertThat(p.redemptions()).isEqualTo(4);
        assertThat(p.subsidy()).isEqualTo(161);
        assertThat(p.invoiced()).isEqualTo(322);
        assertThat(p.averageRating()).isEqualByComparingTo(new BigDecimal("4.33"));
        assertThat(p.repeatRate()).isEqualByComparingTo(new BigDecimal("0.3333"));
        assertThat(p.complaints()).isEqualTo(1);
        Performance none = Performance.of(List.of());
        assertThat(none.averageRating()).isNull();
        assertThat(none.repeatRate()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void theHolderRatesALiveRedemptionOnce() {
        Rating r = accepted(Rating.rate(HOLDER, HOLDER_ORG, RedemptionStatus.APPROVED, false, 5, "fast and precise", false));
        assertThat(r.score()).isEqualTo(5);
        rejected(Rating.rate(new Caller("x", "91330100MA0000009X", null, Set.of(Caller.Role.ENTERPRISE)), HOLDER_ORG, RedemptionStatus.APPROVED,
            false, 5, "", false), VoucherRejection.Kind.FORBIDDEN, VoucherCodes.FORBIDDEN);
        for (int score : new int[] {0, 6}) {
            rejected(Rating.rate(HOLDER, HOLDER_ORG, RedemptionStatus.APPROVED, false, score, "", false), VoucherRejection.Kind.UNPROCESSABLE,
                VoucherCodes.INVALID_RATING);
        }
        rejected(Rating.rate(HOLDER, HOLDER_ORG, RedemptionStatus.APPROVED, false, 3, "x".repeat(2001), false), VoucherRejection.Kind.UNPROCESSABLE,
            VoucherCodes.INVALID_RATING);
        rejected(Rating.rate(HOLDER, HOLDER_ORG, RedemptionStatus.REJECTED, false, 3, "", true), VoucherRejection.Kind.CONFLICT,
            VoucherCodes.REDEMPTION_DECIDED);
        rejected(Rating.rate(HOLDER, HOLDER_ORG, RedemptionStatus.SETTLED, true, 3, "", true), VoucherRejection.Kind.CONFLICT, VoucherCodes.ALREADY_RATED);
    }
}
